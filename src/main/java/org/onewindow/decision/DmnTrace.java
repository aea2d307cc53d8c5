package org.onewindow.decision;

import java.util.ArrayList;
import java.util.List;

import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;

/**
 * Records which decision-table rows fire during one evaluation on the current thread. The DMN
 * runtime is shared by all requests and its listeners are global, so the recording is per thread.
 */
final class DmnTrace implements DMNRuntimeEventListener {

    /** A table evaluation: the rows that were selected (1-based) and every row that matched. */
    record TableHit(String tableId, String decision, List<Integer> selected, List<Integer> matched) {
    }

    private static final ThreadLocal<List<TableHit>> CURRENT = new ThreadLocal<>();

    static List<TableHit> begin() {
        List<TableHit> hits = new ArrayList<>(4);
        CURRENT.set(hits);
        return hits;
    }

    static void end() {
        CURRENT.remove();
    }

    @Override
    public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
        List<TableHit> hits = CURRENT.get();
        if (hits != null) {
            hits.add(new TableHit(event.getDecisionTableId(), event.getDecisionName(), event.getSelected(),
                    event.getMatches()));
        }
    }
}
