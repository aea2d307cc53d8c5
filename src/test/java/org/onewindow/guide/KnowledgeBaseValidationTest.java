package org.onewindow.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.testing.TestFiles;

/**
 * A broken knowledge base never loads half-way: every problem is reported with the file, the
 * field and the reason (and the line, where the YAML parser knows it).
 */
class KnowledgeBaseValidationTest {

    private static final Path SHIPPED = Path.of("knowledge-base");
    private static final String FOOD = "matters/scjg/food-business-licence.yaml";

    @TempDir
    Path kb;

    @BeforeEach
    void copyShipped() throws IOException {
        TestFiles.copyTree(SHIPPED, kb);
    }

    private List<KbProblem> problems() {
        return assertThrows(KnowledgeBaseException.class, () -> new KnowledgeBaseLoader().load(kb)).problems();
    }

    private void edit(String file, String from, String to) throws IOException {
        TestFiles.replaceFirst(kb.resolve(file), from, to);
    }

    private static KbProblem only(List<KbProblem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void anUnknownMaterialIsRefusedWithFileAndField() throws IOException {
        edit(FOOD, "material: food-safety-rules", "material: food-safety-ruels");
        KbProblem p = only(problems());
        assertEquals(FOOD, p.file());
        assertEquals("materials[3].material", p.field());
        assertTrue(p.reason().contains("unknown material 'food-safety-ruels'"), p.reason());
    }

    @Test
    void anUnknownDepartmentIsRefused() throws IOException {
        edit(FOOD, "department: xzspj", "department: scj");
        KbProblem p = only(problems());
        assertEquals("department", p.field());
        assertTrue(p.reason().contains("unknown department"), p.reason());
    }

    @Test
    void anUnknownWindowInALifeEventIsRefused() throws IOException {
        edit("events/open-restaurant.yaml", "leadWindow: market-access", "leadWindow: market");
        KbProblem p = only(problems());
        assertEquals("events/open-restaurant.yaml", p.file());
        assertEquals("leadWindow", p.field());
    }

    @Test
    void aDuplicateCodeIsRefused() throws IOException {
        Files.writeString(kb.resolve("matters/scjg/copy.yaml"), Files.readString(kb.resolve(FOOD))
                .replace("name: 食品经营许可（新办）", "name: 另一个名称"));
        KbProblem p = only(problems());
        assertEquals("matters/scjg/food-business-licence.yaml", p.file());
        assertTrue(p.reason().contains("duplicate code 'food-business-licence'"), p.reason());
    }

    @Test
    void aMissingRequiredFieldIsRefused() throws IOException {
        edit(FOOD, "theme: business-licence\n", "");
        KbProblem p = only(problems());
        assertEquals("theme", p.field());
        assertTrue(p.reason().contains("required"), p.reason());
    }

    @Test
    void aKeyMaterialCannotBeTolerable() throws IOException {
        edit(FOOD, "    key: true\n    tolerable: false", "    key: true\n    tolerable: true\n    toleranceBasis: \"district-policy：本区测试用的理由\"");
        KbProblem p = only(problems());
        assertEquals("materials[0].tolerable", p.field());
    }

    @Test
    void aMaterialThatDefinesTheScopeOfReviewCannotBeTolerable() throws IOException {
        // the layout is what the on-site inspection checks (reviewScope in the material catalogue)
        edit(FOOD, "    key: false\n    tolerable: false\n    sharedLibrary: false\n",
                "    key: false\n    tolerable: true\n    toleranceBasis: \"district-policy：本区测试用的理由\"\n    sharedLibrary: false\n");
        KbProblem p = only(problems());
        assertEquals("materials[2].tolerable", p.field());
        assertTrue(p.reason().contains("scope of the review"), p.reason());
    }

    @Test
    void aTolerableMaterialMustNameItsSource() throws IOException {
        edit(FOOD, "    toleranceBasis: \"district-policy：按《深圳市政务服务容缺办理管理办法》（2019）对主审要件的界定，本材料为非主审要件（不决定审查范围和审批结果），缺少时不影响启动审查，列入本区容缺受理材料清单（规则摘录见 docs/reference/rongque-rules.md）\"\n", "");
        KbProblem p = only(problems());
        assertEquals("materials[3].toleranceBasis", p.field());
    }

    @Test
    void aPromisedLimitBeyondTheStatutoryOneIsRefused() throws IOException {
        edit(FOOD, "promised: 20", "promised: 25");
        assertEquals("timeLimit.promised", only(problems()).field());
    }

    @Test
    void aYamlTypoNamesTheLine() throws IOException {
        edit(FOOD, "handlingType: 承诺件", "handlingTyp: 承诺件");
        KbProblem p = only(problems());
        assertEquals(FOOD, p.file());
        assertEquals("handlingTyp", p.field());
        assertTrue(p.line() > 0, "line is known: " + p);
    }

    @Test
    void anUnknownEnumLabelListsTheAllowedOnes() throws IOException {
        edit(FOOD, "type: 行政许可", "type: 行政审批");
        KbProblem p = only(problems());
        assertEquals("type", p.field());
        assertTrue(p.reason().contains("行政许可"), p.reason());
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() throws IOException {
        edit(FOOD, "department: xzspj", "department: nowhere");
        edit("events/retire.yaml", "leadDepartment: rsj", "leadDepartment: nobody");
        assertEquals(2, problems().size());
    }

    @Test
    void aWorkingDayCalendarWithAWeekdayListedAsWorkedIsRefused() throws IOException {
        edit("calendar/2026.yaml", "2026-02-14, 2026-02-28", "2026-02-13, 2026-02-28");
        KbProblem p = only(problems());
        assertEquals("calendar/2026.yaml", p.file());
        assertEquals("workdays[1]", p.field());
        assertTrue(p.reason().contains("weekday"), p.reason());
    }

    @Test
    void aHolidayOutsideItsYearOrEndingBeforeItStartsIsRefused() throws IOException {
        edit("calendar/2026.yaml", "{from: 2026-04-04, to: 2026-04-06", "{from: 2026-04-06, to: 2026-04-04");
        assertEquals("holidays[2]", only(problems()).field());
        copyShipped2026();
        edit("calendar/2026.yaml", "{from: 2026-06-19, to: 2026-06-21", "{from: 2025-06-19, to: 2026-06-21");
        assertTrue(only(problems()).reason().contains("not in 2026"));
    }

    private void copyShipped2026() throws IOException {
        Files.copy(SHIPPED.resolve("calendar/2026.yaml"), kb.resolve("calendar/2026.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aBrokenDateInTheCalendarIsReportedWithItsLine() throws IOException {
        edit("calendar/2026.yaml", "to: 2026-01-03", "to: 2026-13-03");
        KbProblem p = only(problems());
        assertEquals("calendar/2026.yaml", p.file());
        assertTrue(p.line() > 0, p.toString());
    }

    @Test
    void theLibraryPolicyNamesOnlyKnownMaterials() throws IOException {
        edit("library.yaml", "  income-proof: 6", "  income-prof: 6");
        KbProblem p = only(problems());
        assertEquals("library.yaml", p.file());
        assertEquals("validityMonths.income-prof", p.field());
    }
}
