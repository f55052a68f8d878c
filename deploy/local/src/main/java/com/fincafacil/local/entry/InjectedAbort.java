package com.fincafacil.local.entry;

import com.fincafacil.local.faults.Fault;
import com.fincafacil.problems.ProblemTypes;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/** The entry's own answer to a request an abort fault took: a small problem+json with the fault's status. */
final class InjectedAbort {

    static final String HEADER = "X-FincaFacil-Fault";

    private InjectedAbort() {
    }

    static void answer(HttpServerRequest request, Fault fault) {
        int status = fault.spec().status();
        String body = new JsonObject(ProblemTypes.body(status, "injected_fault", "Injected fault",
                "The traffic entry answered instead of slot " + fault.slot() + ": fault " + fault.id()
                        + " aborts " + fault.spec().percentage() + " % of its requests until " + fault.expiresAt() + ".", null))
                .put("faultId", fault.id())
                .put("slot", fault.slot())
                .encode();
        // the body is not read: let it flow (and be dropped) so the connection can serve the next request
        request.resume();
        request.response().setStatusCode(status)
                .putHeader("Content-Type", ProblemTypes.MEDIA_TYPE)
                .putHeader(HEADER, fault.id())
                .end(body);
    }
}
