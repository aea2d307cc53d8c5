package org.onewindow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.decision.RuleSet;
import org.onewindow.decision.RuleSetCompiler;
import org.onewindow.guide.Catalogue;

/**
 * The peers benchmark compares like with like: for every case, raw KIE, Camunda (default FEEL)
 * and Camunda legacy mode give the same result as OneWindow for every evaluation replayed. No
 * timing here.
 */
class PeersAgreementTest {

    private static Catalogue catalogue;

    @BeforeAll
    static void load() {
        catalogue = Peers.catalogue();
    }

    @Test
    void theEnginesAgreeOnTheSingleMatter() {
        agree(Peers.workload(Peers.SINGLE_MATTER, catalogue));
    }

    @Test
    void theEnginesAgreeOnTheLifeEvent() {
        Peers.Workload w = Peers.workload(Peers.LIFE_EVENT, catalogue);
        // the event table, then window, material table, departments and tolerance for each of its matters
        assertFalse(w.calls().size() < 5 * 3, "the life event replays too few evaluations: " + w.calls().size());
        agree(w);
    }

    @Test
    void theEnginesAgreeOnTheSyntheticTables() {
        for (SyntheticTables.Table t : SyntheticTables.all()) {
            Peers.Workload w = Peers.synthetic(t);
            RuleSet ow = new RuleSetCompiler().compile(Peers.withManifest(w.files()));
            Peers.Call call = w.calls().get(0);
            List<Object> expected = Peers.normalise(ow.evaluate(call.model(), call.decision(), call.inputs()).orFail()
                    .result(), false);
            assertFalse(expected.isEmpty(), t.caseName() + " must hit");
            compare(w, List.of(expected));
        }
        // the ranges hit 8 rows, the FIRST table one
        assertEquals(8, Peers.normalise(new Peers.Kie(Peers.synthetic(SyntheticTables.collect300()).files())
                .evaluate(Peers.synthetic(SyntheticTables.collect300()).calls().get(0)), false).size());
    }

    private static void agree(Peers.Workload w) {
        List<List<Object>> expected = new ArrayList<>();
        w.expected().forEach(r -> expected.add(Peers.normalise(r, false)));
        compare(w, expected);
    }

    private static void compare(Peers.Workload w, List<List<Object>> expected) {
        Peers.Engine kie = new Peers.Kie(w.files());
        Peers.Engine camunda = new Peers.Camunda(w.files(), false);
        Peers.Engine legacy = new Peers.Camunda(w.files(), true);
        for (int i = 0; i < w.calls().size(); i++) {
            Peers.Call call = w.calls().get(i);
            String what = w.name() + " " + call;
            assertEquals(expected.get(i), Peers.normalise(kie.evaluate(call), false), "kie, " + what);
            assertEquals(expected.get(i), Peers.normalise(camunda.evaluate(call), true), "camunda, " + what);
            assertEquals(expected.get(i), Peers.normalise(legacy.evaluate(call), true), "camunda-legacy, " + what);
        }
    }
}
