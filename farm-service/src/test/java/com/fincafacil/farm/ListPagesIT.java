package com.fincafacil.farm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The farm-app lists' page metadata, in headers so that today's apps read the same bodies. */
@QuarkusTest
class ListPagesIT {

    @Test
    void lists_tell_the_total_and_the_next_page_in_headers_and_keep_their_body() {
        FarmApi.Finca finca = FarmApi.finca("Páginas", "piloto");
        for (String tag : List.of("PG-1", "PG-2", "PG-3")) {
            finca.animal(tag, "hembra");
        }
        Response first = finca.app().queryParam("size", 2).get(finca.path("/animals"));
        first.then().statusCode(200).header("X-Total-Count", "3").body("earTag", equalTo(List.of("PG-1", "PG-2")));
        String link = first.header("Link");
        assertTrue(link.matches("<http://[^>]+/animals\\?[^>]*page=1[^>]*>; rel=\"next\""), link);
        assertTrue(link.contains("size=2"), link);
        String next = link.substring(1, link.indexOf('>'));
        finca.app().get(next).then().statusCode(200).header("X-Total-Count", "3").header("Link", nullValue())
                .body("earTag", equalTo(List.of("PG-3")));
        finca.app().queryParam("status", "vendido").get(finca.path("/animals")).then().header("X-Total-Count", "0");
        Response alerts = finca.app().get(finca.path("/alerts"));
        alerts.then().statusCode(200).header("X-Total-Count", "0").header("Link", nullValue());
        assertFalse(alerts.asString().startsWith("{"), "the body stays a plain list");
    }
}
