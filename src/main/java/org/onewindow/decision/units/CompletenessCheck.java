package org.onewindow.decision.units;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;
import org.onewindow.decision.CompletenessVerdict;
import org.onewindow.decision.facts.ChecklistItem;

/**
 * 材料齐全性审查: the data of the completeness rules ({@code rules/completeness.drl},
 * {@code unit CompletenessCheck}) — the required materials of an application, each present or
 * missing and tolerable or not; the rules conclude one verdict.
 */
public class CompletenessCheck implements RuleUnitData {

    private final DataStore<ChecklistItem> items = DataSource.createStore();
    private final DataStore<CompletenessVerdict> verdict = DataSource.createStore();

    public DataStore<ChecklistItem> getItems() {
        return items;
    }

    public DataStore<CompletenessVerdict> getVerdict() {
        return verdict;
    }
}
