package org.onewindow.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.onewindow.guide.CatalogueRegistry;

/** Ready only when the knowledge base has loaded. */
@Readiness
@ApplicationScoped
public class KnowledgeBaseReadiness implements HealthCheck {

    @Inject
    CatalogueRegistry catalogues;

    @Override
    public HealthCheckResponse call() {
        if (!catalogues.ready()) {
            return HealthCheckResponse.named("knowledge-base").down()
                    .withData("problems", String.valueOf(catalogues.lastProblems())).build();
        }
        return HealthCheckResponse.named("knowledge-base").up()
                .withData("version", catalogues.current().version())
                .withData("matters", catalogues.current().matters().size())
                .build();
    }
}
