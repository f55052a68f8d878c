package com.fincafacil.farm.rest;

import com.fincafacil.farm.repository.PageOf;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.function.Function;

/**
 * A list's page with its metadata in headers, so the body stays the plain array today's apps
 * read: {@code X-Total-Count} (items in the whole list) and, when there is a next page, a
 * {@code Link} to it with {@code rel="next"} (RFC 8288, as GitHub's API does).
 */
final class Pages {

    static final String TOTAL_COUNT = "X-Total-Count";

    private Pages() {
    }

    static <T, V> RestResponse<List<V>> of(PageOf<T> found, Function<T, V> view, int page, int size, UriInfo uri) {
        RestResponse.ResponseBuilder<List<V>> answer = RestResponse.ResponseBuilder
                .ok(found.items().stream().map(view).toList())
                .header(TOTAL_COUNT, found.total());
        if ((long) (page + 1) * size < found.total()) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("page", page + 1).replaceQueryParam("size", size)
                    .build().toString();
            answer.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return answer.build();
    }
}
