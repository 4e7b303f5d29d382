package org.seed.sip.common.pidf;

/** A body that is not a PIDF document: not well-formed XML, or not valid against the PIDF schemas. */
public final class InvalidPidfException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong, in the words of a SIP reason phrase. */
    public enum Problem {
        MALFORMED("Malformed PIDF Document"),
        INVALID("PIDF Document Not Valid Against RFC 3863 Schema");

        private final String reasonPhrase;

        Problem(String reasonPhrase) {
            this.reasonPhrase = reasonPhrase;
        }

        public String reasonPhrase() {
            return reasonPhrase;
        }
    }

    private final Problem problem;

    public InvalidPidfException(Problem problem, String detail, Throwable cause) {
        super(problem.reasonPhrase() + ": " + detail, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
