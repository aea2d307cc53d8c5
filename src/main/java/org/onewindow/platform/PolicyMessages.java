package org.onewindow.platform;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The policy console's sentences (templates: {@code {pc:key}}; texts in {@code ui/messages/pc_zh.properties}
 * and {@code pc_en.properties}). A bundle of its own, like {@link CaseworkMessages}: Qute 3.33 generates
 * unverifiable bytecode for a bundle of more than about 300 messages.
 */
@MessageBundle(value = "pc", locale = "zh")
public interface PolicyMessages {

    @Message
    String title();

    @Message
    String versions();

    @Message
    String serving(long id, String version, java.time.LocalDate from);

    @Message
    String node_problems();

    @Message
    String col_id();

    @Message
    String col_status();

    @Message
    String col_from();

    @Message
    String col_author();

    @Message
    String col_editor();

    @Message
    String col_publisher();

    @Message
    String col_comment();

    @Message
    String col_created();

    @Message
    String status_of(String status);

    @Message
    String new_draft();

    @Message
    String from_version();

    @Message
    String comment();

    @Message
    String create();

    @Message
    String open();

    @Message
    String version_title(long id);

    @Message
    String files();

    @Message
    String tables_of(int count);

    @Message
    String edit_grid();

    @Message
    String edit_kie();

    @Message
    String validate();

    @Message
    String impact();

    @Message
    String publish();

    @Message
    String publish_for();

    @Message
    String rollback();

    @Message
    String rollback_help();

    @Message
    String diff();

    @Message
    String diff_with();

    @Message
    String audit();

    @Message
    String audit_at();

    @Message
    String audit_actor();

    @Message
    String audit_action();

    @Message
    String audit_comment();

    @Message
    String action_of(String action);

    @Message
    String four_eyes();

    @Message
    String draft_only();

    @Message
    String grid_title(String decision, String file);

    @Message
    String grid_help();

    @Message
    String rule_id();

    @Message
    String row_actions();

    @Message
    String reason();

    @Message
    String reasonEn();

    @Message
    String basis();

    @Message
    String add_row();

    @Message
    String copy_row();

    @Message
    String move_up();

    @Message
    String move_down();

    @Message
    String delete_row();

    @Message
    String save();

    @Message
    String saved();

    @Message
    String hit_policy(String policy);

    @Message
    String cell_error(Object row, Object column, Object error);

    @Message
    String row_error(Object row, Object error);

    @Message
    String required_annotation(Object column);

    @Message
    String duplicate_id(Object id);

    @Message
    String bad_id();

    @Message
    String report_title(long id);

    @Message
    String report_ok();

    @Message
    String report_failed(int count);

    @Message
    String scenarios_counts(int passed, int failed);

    @Message
    String coverage_counts(int covered, int total);

    @Message
    String col_file();

    @Message
    String col_line();

    @Message
    String col_rule();

    @Message
    String col_reason();

    @Message
    String impact_title(long id, Object against);

    @Message
    String impact_cases(int cases, int changed);

    @Message
    String impact_none();

    @Message
    String col_source();

    @Message
    String col_case();

    @Message
    String col_before();

    @Message
    String col_after();

    @Message
    String col_changes();

    @Message
    String source_of(String source);

    @Message
    String diff_title(long a, long b);

    @Message
    String diff_none();

    @Message
    String col_table();

    @Message
    String col_change();

    @Message
    String change_of(String change);

    @Message
    String published();

    @Message
    String rolledback();

    @Message
    String created();

    @Message
    String gate_failed();

    @Message
    String editor_title(String file);

    @Message
    String editor_help();

    @Message
    String editor_saved();

    @Message
    String editor_failed();

    @Message
    String back();

    @Message
    String export();

    @Message
    String exported();

    // --- the tester's /scenarios page ---

    @Message
    String coverage_whole_suite_only();

    @Message
    String checks_summary(int tables, int count);

    @Message
    String check_col_kind();

    @Message
    String check_col_rows();

    @Message
    String check_col_detail();

    @Message
    String check_col_check();

    @Message
    String check_col_checked();

    @Message
    String check_col_problems();

    @Message
    String quality_title();

    @Message
    String check_kind_of(String kind);

    @Message
    String quality_check_of(String name);
}
