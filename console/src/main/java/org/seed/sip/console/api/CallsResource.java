package org.seed.sip.console.api;

import java.util.Map;
import java.util.function.Supplier;

import org.seed.sip.kit.calls.LiveCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/calls} and {@code /api/calls/{id}}: the calls in progress, as the application carrying them
 * (the B2BUA) reports them, and an operator's hang-up of one (both legs end).
 */
final class CallsResource {

    private static final Logger LOG = LoggerFactory.getLogger(CallsResource.class);

    /** What is offered now: read per request, as the B2BUA may start or stop at any time. */
    private final Supplier<LiveCalls> calls;

    CallsResource(Supplier<LiveCalls> calls) {
        this.calls = calls;
    }

    Endpoint collection() {
        return new Endpoint().on("GET", (request, admin) -> ApiResponse.ok(Map.of("calls",
                calls.get().current().stream().map(LiveCallView::of).toList())));
    }

    Endpoint member(String id) {
        return new Endpoint().on("DELETE", (request, admin) -> {
            if (!calls.get().hangUp(id)) {
                throw ApiException.notFound("no call " + id + " in progress");
            }
            LOG.info("console: {} hung up call {}", admin, id);
            return ApiResponse.noContent();
        });
    }
}
