package com.fincafacil.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the traffic entry's Prometheus counters the way a scraper would. */
final class EntryMetricsScrape {

    private EntryMetricsScrape() {
    }

    static String fetch(int adminPort) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static double requests(String scrape, String slot, String status) {
        Matcher m = Pattern.compile("fincafacil_entry_requests_seconds_count\\{slot=\"" + slot + "\",status=\"" + status
                + "\"} ([0-9.eE+]+)").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
