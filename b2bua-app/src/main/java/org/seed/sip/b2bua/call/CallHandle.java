package org.seed.sip.b2bua.call;

import java.io.IOException;

import javax.servlet.sip.ServletTimer;

/**
 * A call as its application session holds it: the call and the controller that runs it, so that a timer
 * firing in the container's thread finds both.
 */
public record CallHandle(Call call, CallController controller) {

    /** Runs the timer's action in its call, if the call is still there. */
    public static void fire(ServletTimer timer) throws IOException {
        Object handle = timer.getApplicationSession().getAttribute(CallController.CALL);
        if (handle instanceof CallHandle callHandle && timer.getInfo() instanceof CallTimeout timeout) {
            callHandle.controller().timeout(callHandle.call(), timeout);
        }
    }
}
