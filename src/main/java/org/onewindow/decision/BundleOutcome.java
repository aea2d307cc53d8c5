package org.onewindow.decision;

import java.util.List;

import org.onewindow.decision.facts.BundleNote;
import org.onewindow.decision.facts.MergedMaterial;

/** What the bundle rules made of one intake's matters: merged materials, notes, rules fired. */
public record BundleOutcome(List<MergedMaterial> materials, List<BundleNote> notes, List<FiredRow> fired) {
}
