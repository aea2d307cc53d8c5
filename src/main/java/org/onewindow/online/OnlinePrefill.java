package org.onewindow.online;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.onewindow.guide.Catalogue;
import org.onewindow.guide.CatalogueRegistry;

/** The prefill rules of the serving knowledge base, read once per knowledge-base version. */
@ApplicationScoped
public class OnlinePrefill {

    @Inject
    CatalogueRegistry catalogues;

    private record Cached(String version, PrefillRules rules) {
    }

    private final AtomicReference<Cached> cached = new AtomicReference<>();

    public PrefillRules rules() {
        Catalogue catalogue = catalogues.current();
        Cached c = cached.get();
        if (c == null || !c.version().equals(catalogue.version())) {
            PrefillRules rules = catalogues.folder() == null ? PrefillRules.NONE : PrefillRules.load(catalogues.folder());
            // a rule naming something the knowledge base lacks is left out (the build refuses it: PrefillRulesTest)
            c = new Cached(catalogue.version(), rules.problems(catalogue).isEmpty() ? rules : PrefillRules.NONE);
            cached.set(c);
        }
        return c.rules();
    }
}
