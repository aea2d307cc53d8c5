package org.onewindow.decision.units;

import java.util.ArrayList;
import java.util.List;

import org.drools.ruleunits.api.DataObserver;
import org.drools.ruleunits.api.DataStore;

/** Reading what rules left in a data store. */
public final class Stores {

    private Stores() {
    }

    /** The items of a store, in insertion order (a new subscriber is given every item already there). */
    public static <T> List<T> contents(DataStore<T> store) {
        List<T> items = new ArrayList<>();
        store.subscribe(DataObserver.of(items::add));
        return items;
    }
}
