package org.seed.sip.console;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.seed.sip.store.Store;

/** {@code GET /api/health}: 200 when the store answers, 503 otherwise; for load balancers and scripts. */
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try {
            long accounts = Store.shared().accounts().count();
            response.getWriter().write("{\"status\":\"up\",\"accounts\":" + accounts + "}");
        } catch (RuntimeException e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.getWriter().write("{\"status\":\"down\"}");
        }
    }
}
