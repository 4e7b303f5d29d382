package org.seed.sip.it.phone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.seed.sip.it.net.FreePorts;

/**
 * A SIP phone for tests: a JAIN-SIP stack on a free loopback port that sends requests to the platform
 * and waits for their final answers. Every integration test uses this one class instead of a harness of
 * its own.
 */
public final class TestPhone implements AutoCloseable {

    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final String user;
    private final String domain;
    private final String transport;
    private final int port;
    private final SipStack stack;
    private final SipProvider provider;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final Map<ClientTransaction, Exchange> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<RequestEvent> received = new LinkedBlockingQueue<>();
    private volatile PhoneExtension extension = PhoneExtension.NONE;
    private final String registrationCallId = UUID.randomUUID() + "@127.0.0.1";
    private final AtomicLong registrationCSeq = new AtomicLong();

    private TestPhone(String user, String domain, InetSocketAddress server, String transport, Properties tls)
            throws Exception {
        this.user = user;
        this.domain = domain;
        this.transport = transport;
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "phone-" + user + "-" + STACKS.incrementAndGet());
        if (server != null) {
            properties.setProperty("javax.sip.OUTBOUND_PROXY",
                    server.getHostString() + ":" + server.getPort() + "/" + transport);
        }
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        // the stack logs under its own name by default; under gov.nist the test logging config quiets it
        properties.setProperty("gov.nist.javax.sip.LOG4J_LOGGER_NAME", "gov.nist.phone");
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // Every NOTIFY goes to the test as it arrives. Otherwise the stack locks a NOTIFY to the SUBSCRIBE it
        // answers until the test answers it, and holds the SUBSCRIBE's own 200 OK meanwhile.
        properties.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        properties.putAll(tls);
        stack = factory.createSipStack(properties);
        addresses = factory.createAddressFactory();
        headers = factory.createHeaderFactory();
        messages = factory.createMessageFactory();
        port = FreePorts.udpAndTcp();
        ListeningPoint point = stack.createListeningPoint("127.0.0.1", port, transport);
        provider = stack.createSipProvider(point);
        provider.addSipListener(new Listener());
    }

    /** A phone for {@code user@domain} that sends everything to {@code server} over UDP. */
    public static TestPhone open(String user, String domain, InetSocketAddress server) {
        return open(user, domain, server, ListeningPoint.UDP);
    }

    /**
     * A phone for {@code user@domain} over {@code transport}; with {@code server} null, every request goes where
     * its Request-URI (or first Route) points, as between two phones calling each other directly.
     */
    public static TestPhone open(String user, String domain, InetSocketAddress server, String transport) {
        try {
            return new TestPhone(user, domain, server, transport, new Properties());
        } catch (Exception e) {
            throw new IllegalStateException("cannot open a test phone: " + e.getMessage(), e);
        }
    }

    /**
     * A phone that talks to {@code server} over TLS and trusts only {@code trustedCertificate} (PEM): the
     * certificate the platform generated, as a phone told to trust it would.
     */
    public static TestPhone openTls(String user, String domain, InetSocketAddress server, Path trustedCertificate) {
        try {
            return new TestPhone(user, domain, server, ListeningPoint.TLS, TlsTrust.trusting(trustedCertificate));
        } catch (Exception e) {
            throw new IllegalStateException("cannot open a TLS test phone: " + e.getMessage(), e);
        }
    }

    /** The phone's own address, as it would put it in a Contact. */
    public String contactUri() {
        return "sip:" + user + "@127.0.0.1:" + port + (ListeningPoint.UDP.equals(transport) ? "" : ";transport=" + transport);
    }

    public int localPort() {
        return port;
    }

    public String aor() {
        return "sip:" + user + "@" + domain;
    }

    /** A request from this phone's AOR, addressed to {@code requestUri}; fill in headers, then {@link #send}. */
    public Request request(String method, String requestUri, String toUri) {
        try {
            Address from = addresses.createAddress(aor());
            Address to = addresses.createAddress(toUri);
            ViaHeader via = headers.createViaHeader("127.0.0.1", port, transport, null);
            via.setRPort();
            CallIdHeader callId = "REGISTER".equals(method)
                    ? headers.createCallIdHeader(registrationCallId)
                    : provider.getNewCallId();
            long sequence = "REGISTER".equals(method) ? registrationCSeq.incrementAndGet() : 1;
            CSeqHeader cseq = headers.createCSeqHeader(sequence, method);
            Request request = messages.createRequest(addresses.createURI(requestUri), method, callId, cseq,
                    headers.createFromHeader(from, Long.toHexString(System.nanoTime())),
                    headers.createToHeader(to, null), List.of(via), headers.createMaxForwardsHeader(70));
            request.addHeader(headers.createUserAgentHeader(List.of("seed-it-phone")));
            if (!Request.REGISTER.equals(method)) {
                // a REGISTER's Contact is what it binds, so register() and registrationQuery() decide it
                request.addHeader(headers.createContactHeader(addresses.createAddress(contactUri())));
            }
            return request;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** REGISTER of this phone's contact for its own AOR (same Call-ID, growing CSeq, as RFC 3261 §10.2.4 asks). */
    public Request register(Integer expires) {
        Request register = request("REGISTER", "sip:" + domain, aor());
        setHeader(register, "Contact", "<" + contactUri() + ">");
        if (expires != null) {
            setHeader(register, "Expires", expires.toString());
        }
        return register;
    }

    /** REGISTER without Contact: asks for the AOR's bindings. */
    public Request registrationQuery() {
        return request("REGISTER", "sip:" + domain, aor());
    }

    public javax.sip.address.URI uri(String uri) {
        try {
            return addresses.createURI(uri);
        } catch (ParseException e) {
            throw new IllegalArgumentException(uri, e);
        }
    }

    public void setHeader(Message message, String name, String value) {
        try {
            message.setHeader(headers.createHeader(name, value));
        } catch (ParseException e) {
            throw new IllegalArgumentException(name + ": " + value, e);
        }
    }

    public void addHeader(Message message, String name, String value) {
        try {
            message.addHeader(headers.createHeader(name, value));
        } catch (ParseException e) {
            throw new IllegalArgumentException(name + ": " + value, e);
        }
    }

    /** Sends {@code request} and returns its final answer. */
    public Response send(Request request) {
        try {
            ClientTransaction transaction = provider.getNewClientTransaction(request);
            CompletableFuture<Response> answer = track(transaction, response -> { });
            transaction.sendRequest();
            return await(request.getMethod(), answer, ANSWER_TIMEOUT);
        } catch (SipException e) {
            throw new IllegalStateException("cannot send " + request.getMethod() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Follows {@code transaction}, not yet sent: {@code everyResponse} sees each of its responses as it arrives
     * (provisional ones too), the future completes with its final answer.
     */
    CompletableFuture<Response> track(ClientTransaction transaction, Consumer<ResponseEvent> everyResponse) {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        pending.put(transaction, new Exchange(answer, everyResponse));
        return answer;
    }

    /** The final answer to a {@code method} request, once {@code answer} has it, failing after {@code timeout}. */
    static Response await(String method, CompletableFuture<Response> answer, Duration timeout) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no final answer to " + method + " within " + timeout);
        } catch (ExecutionException e) {
            throw new AssertionError(method + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The phone built on this one ({@link Softphone}) takes over the events it knows what to do with. */
    void extend(PhoneExtension phone) {
        extension = phone;
    }

    SipProvider provider() {
        return provider;
    }

    HeaderFactory headers() {
        return headers;
    }

    MessageFactory messages() {
        return messages;
    }

    AddressFactory addresses() {
        return addresses;
    }

    /**
     * Sends {@code request}; if the platform challenges it (401 or 407), answers the challenge offering
     * {@code algorithm} ("SHA-256" or "MD5") with {@code password} and returns the answer to that.
     */
    public Response sendAuthenticated(Request request, String password, String algorithm) {
        Response answer = send(request);
        int status = answer.getStatusCode();
        if (status != Response.UNAUTHORIZED && status != Response.PROXY_AUTHENTICATION_REQUIRED) {
            return answer;
        }
        return send(authorize(nextAttempt(request), answer, password, algorithm));
    }

    /**
     * Adds to {@code request} the credentials answering the {@code algorithm} challenge of {@code challenged}
     * (a 401 or 407), leaving everything else, its CSeq included, as it is.
     */
    public Request authorize(Request request, Response challenged, String password, String algorithm) {
        return authorize(request, challenged, password, algorithm, 1);
    }

    /** As {@link #authorize(Request, Response, String, String)}, with nonce count {@code nonceCount}. */
    public Request authorize(Request request, Response challenged, String password, String algorithm,
            int nonceCount) {
        boolean proxy = challenged.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        WWWAuthenticateHeader challenge = challenge(challenged,
                proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME, algorithm);
        setHeader(request, proxy ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME, DigestAnswer.answer(
                challenge, request.getMethod(), request.getRequestURI().toString(), user, password, nonceCount));
        return request;
    }

    /**
     * As {@link #sendAuthenticated(Request, String, String)}, answering the first challenge offered, as a phone
     * that knows every offered algorithm does (RFC 8760 §2.4).
     */
    public Response sendAuthenticated(Request request, String password) {
        Response answer = send(request);
        int status = answer.getStatusCode();
        if (status != Response.UNAUTHORIZED && status != Response.PROXY_AUTHENTICATION_REQUIRED) {
            return answer;
        }
        return send(authorizeFirst(nextAttempt(request), answer, password));
    }

    /** As {@link #authorize(Request, Response, String, String)}, answering the first challenge offered. */
    public Request authorizeFirst(Request request, Response challenged, String password) {
        String header = challenged.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED
                ? ProxyAuthenticateHeader.NAME
                : WWWAuthenticateHeader.NAME;
        String algorithm = ((WWWAuthenticateHeader) challenged.getHeader(header)).getAlgorithm();
        return authorize(request, challenged, password, algorithm);
    }

    /** The challenge for {@code algorithm} among those in {@code answer}. */
    public static WWWAuthenticateHeader challenge(Response answer, String headerName, String algorithm) {
        List<WWWAuthenticateHeader> offered = new ArrayList<>();
        answer.getHeaders(headerName).forEachRemaining(header -> offered.add((WWWAuthenticateHeader) header));
        return offered.stream().filter(header -> algorithm.equalsIgnoreCase(header.getAlgorithm())).findFirst()
                .orElseThrow(() -> new AssertionError(algorithm + " not offered in " + offered));
    }

    /** A copy of {@code request} as a new transaction: fresh branch, next CSeq. */
    public Request nextAttempt(Request request) {
        Request retry = (Request) request.clone();
        try {
            ViaHeader via = headers.createViaHeader("127.0.0.1", port, transport, null);
            via.setRPort();
            retry.setHeader(via);
            long sequence = Request.REGISTER.equals(request.getMethod())
                    ? registrationCSeq.incrementAndGet()
                    : ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber() + 1;
            ((CSeqHeader) retry.getHeader(CSeqHeader.NAME)).setSeqNumber(sequence);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        return retry;
    }

    /**
     * The next request of the dialog that {@code answer} (a 2xx) set up for {@code request}: same Call-ID and
     * From tag, the answer's To tag, its Contact as Request-URI, the next CSeq, no credentials. The route set
     * is empty: the platform's applications answer as user agents, not through proxies.
     */
    public Request inDialog(Request request, Response answer) {
        Request next = nextAttempt(request);
        next.removeHeader(AuthorizationHeader.NAME);
        next.removeHeader(ProxyAuthorizationHeader.NAME);
        try {
            ((ToHeader) next.getHeader(ToHeader.NAME)).setTag(((ToHeader) answer.getHeader(ToHeader.NAME)).getTag());
            ((CSeqHeader) next.getHeader(CSeqHeader.NAME))
                    .setSeqNumber(((CSeqHeader) answer.getHeader(CSeqHeader.NAME)).getSeqNumber() + 1);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        ContactHeader remoteTarget = (ContactHeader) answer.getHeader(ContactHeader.NAME);
        if (remoteTarget == null) {
            throw new AssertionError("no Contact in the " + answer.getStatusCode() + " that set up the dialog");
        }
        next.setRequestURI(remoteTarget.getAddress().getURI());
        return next;
    }

    /** Answers {@code event}, a request the platform sent (a NOTIFY...), with {@code status}. */
    public void answer(RequestEvent event, int status) {
        try {
            Response response = messages.createResponse(status, event.getRequest());
            serverTransaction(event).sendResponse(response);
        } catch (ParseException | SipException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot answer " + event.getRequest().getMethod() + ": " + e.getMessage(), e);
        }
    }

    /** The transaction to answer {@code event} on: the stack's, or one made for it. */
    ServerTransaction serverTransaction(RequestEvent event) {
        if (event.getServerTransaction() != null) {
            return event.getServerTransaction();
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (SipException e) {
            throw new IllegalStateException("cannot answer " + event.getRequest().getMethod() + ": " + e.getMessage(), e);
        }
    }

    /** The next request the platform sent to this phone, or null after {@code timeout}. */
    public RequestEvent nextRequest(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        stack.stop();
    }

    private final class Listener implements SipListener {

        @Override
        public void processRequest(RequestEvent event) {
            if (!extension.handled(event)) {
                received.add(event);
            }
        }

        @Override
        public void processResponse(ResponseEvent event) {
            Exchange exchange = event.getClientTransaction() == null ? null : pending.get(event.getClientTransaction());
            if (exchange == null) {
                // a 2xx retransmitted, or a second 2xx of a forked INVITE, after its transaction ended
                extension.strayResponse(event);
                return;
            }
            exchange.everyResponse().accept(event);
            if (event.getResponse().getStatusCode() >= 200) {
                pending.remove(event.getClientTransaction());
                exchange.answer().complete(event.getResponse());
            }
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
            Exchange exchange = event.isServerTransaction() ? null : pending.remove(event.getClientTransaction());
            if (exchange != null) {
                exchange.answer().completeExceptionally(new TimeoutException("transaction timed out"));
            }
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
            pending.values().forEach(exchange -> exchange.answer().completeExceptionally(
                    new IOException("transport error towards " + event.getHost() + ":" + event.getPort())));
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
        }
    }

    /** A request sent, waiting for its final answer. */
    private record Exchange(CompletableFuture<Response> answer, Consumer<ResponseEvent> everyResponse) {
    }
}
