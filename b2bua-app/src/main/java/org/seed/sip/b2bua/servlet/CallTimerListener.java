package org.seed.sip.b2bua.servlet;

import java.io.IOException;

import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.TimerListener;

import org.seed.sip.b2bua.call.CallHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The container's timers of this application (declared in sip.xml) go to the call that set them. */
public class CallTimerListener implements TimerListener {

    private static final Logger LOG = LoggerFactory.getLogger(CallTimerListener.class);

    @Override
    public void timeout(ServletTimer timer) {
        try {
            CallHandle.fire(timer);
        } catch (IOException | RuntimeException e) {
            // the container's timer thread would only print it; the call's own timers stay as they are
            LOG.warn("call timer {} failed: {}", timer.getInfo(), e.toString());
        }
    }
}
