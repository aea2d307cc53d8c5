package org.onewindow.decision.units;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;
import org.onewindow.decision.facts.BundleEvent;
import org.onewindow.decision.facts.BundleNote;
import org.onewindow.decision.facts.BundledMatter;
import org.onewindow.decision.facts.MaterialDemand;
import org.onewindow.decision.facts.MatterDepartment;
import org.onewindow.decision.facts.MergedMaterial;
import org.onewindow.decision.facts.ReceivingWindow;
import org.onewindow.decision.facts.WindowShare;

/**
 * 一件事一次办 / several matters at once: the data of the bundle rules ({@code rules/bundle.drl},
 * {@code unit BundlePolicy}). The caller fills the inputs with what each matter's tables decided;
 * the rules conclude which window receives the intake, which department leads and which work in
 * parallel, and how the materials of all matters merge into one list.
 */
public class BundlePolicy implements RuleUnitData {

    // inputs
    private final DataStore<BundleEvent> event = DataSource.createStore();
    private final DataStore<BundledMatter> matters = DataSource.createStore();
    private final DataStore<WindowShare> windowShares = DataSource.createStore();
    private final DataStore<MatterDepartment> matterDepartments = DataSource.createStore();
    private final DataStore<MaterialDemand> demands = DataSource.createStore();
    // conclusions
    private final DataStore<ReceivingWindow> receiving = DataSource.createStore();
    private final DataStore<MatterDepartment> departments = DataSource.createStore();
    private final DataStore<MergedMaterial> lines = DataSource.createStore();
    private final DataStore<BundleNote> notes = DataSource.createStore();

    public DataStore<BundleEvent> getEvent() {
        return event;
    }

    public DataStore<BundledMatter> getMatters() {
        return matters;
    }

    public DataStore<WindowShare> getWindowShares() {
        return windowShares;
    }

    public DataStore<MatterDepartment> getMatterDepartments() {
        return matterDepartments;
    }

    public DataStore<MaterialDemand> getDemands() {
        return demands;
    }

    public DataStore<ReceivingWindow> getReceiving() {
        return receiving;
    }

    public DataStore<MatterDepartment> getDepartments() {
        return departments;
    }

    public DataStore<MergedMaterial> getLines() {
        return lines;
    }

    public DataStore<BundleNote> getNotes() {
        return notes;
    }
}
