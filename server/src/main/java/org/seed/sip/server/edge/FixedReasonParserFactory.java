package org.seed.sip.server.edge;

import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * JAIN-SIP's message parser inside {@link StrictMessageParser}, named in the stack property
 * {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}.
 */
public final class FixedReasonParserFactory implements MessageParserFactory {

    private final MessageParserFactory jainSip = new StringMsgParserFactory();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return new StrictMessageParser(jainSip.createMessageParser(stack));
    }
}
