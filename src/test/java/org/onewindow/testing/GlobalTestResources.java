package org.onewindow.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers {@link OneWindowTestResources} for every {@code @QuarkusTest} (a global resource), so
 * Quarkus and the embedded database start once for the whole test run.
 */
@QuarkusTestResource(OneWindowTestResources.class)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
