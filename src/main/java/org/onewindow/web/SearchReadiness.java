package org.onewindow.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.onewindow.search.SearchService;

/** Ready only when the search index is built. */
@Readiness
@ApplicationScoped
public class SearchReadiness implements HealthCheck {

    @Inject
    SearchService search;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("search-index").status(search.ready()).build();
    }
}
