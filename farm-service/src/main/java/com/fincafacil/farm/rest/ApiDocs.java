package com.fincafacil.farm.rest;

/**
 * Words the OpenAPI annotations of several routes share (annotation values must be constants).
 * What every route answers alike (400, 401, 404, 413, 415, 500, 503, the Idempotent-Replayed header)
 * is added by service-commons' ContractFilter, not here.
 */
final class ApiDocs {

    static final String JSON = "application/json";
    static final String ANIMAL_CLOSED = "The animal is sold or dead (codes animal_sold, animal_dead)";
    static final String KEY_REUSED = "The Idempotency-Key was used for another request (code idempotency_key_reused)";
    static final String TOTAL = "Items in the whole list with these filters";
    static final String NEXT = "<address of the next page>; rel=\"next\", when there is a next page";
    static final String MODULE_OFF = "The module's flag is off for this finca (code module_disabled)";

    private ApiDocs() {
    }
}
