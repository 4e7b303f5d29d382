package org.seed.sip.b2bua.call;

import java.io.IOException;

import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipApplicationSessionBindingEvent;
import javax.servlet.sip.SipApplicationSessionBindingListener;

/**
 * A call as its application session holds it: the call and the controller that runs it, so that a timer
 * firing in the container's thread finds both. When the call's own application session lets go of it (the
 * session invalidated, JSR 289 §6.1.2), the call leaves the live calls; other application sessions that
 * point at a call they were merged into (a transfer, a replacement) do not end it.
 */
public record CallHandle(Call call, CallController controller) implements SipApplicationSessionBindingListener {

    /** Runs the timer's action in its call, if the call is still there. */
    public static void fire(ServletTimer timer) throws IOException {
        Object handle = timer.getApplicationSession().getAttribute(CallController.CALL);
        if (handle instanceof CallHandle callHandle && timer.getInfo() instanceof CallTimeout timeout) {
            callHandle.controller().timeout(callHandle.call(), timeout);
        }
    }

    @Override
    public void valueBound(SipApplicationSessionBindingEvent event) {
    }

    @Override
    public void valueUnbound(SipApplicationSessionBindingEvent event) {
        if (event.getApplicationSession().getId().equals(call.callerInvite.getApplicationSession().getId())) {
            controller.forget(call);
        }
    }
}
