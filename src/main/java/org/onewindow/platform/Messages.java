package org.onewindow.platform;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every sentence OneWindow writes itself (pages, notices, generated reasons). The texts live in
 * {@code ui/messages/msg_zh.properties} (default) and {@code msg_en.properties}; the build fails if
 * a key is missing in either. Reasons written by policy staff live beside their rules instead.
 */
@MessageBundle(value = "msg", locale = "zh")
public interface Messages {

    @Message
    String reason_required_by_guide();

    @Message
    String reason_co_department();

    @Message
    String reason_event_window(String event);

    @Message
    String reason_event_department(String event);

    @Message
    String reason_bundle_department(String matter);

    @Message
    String reason_produced(String producer);

    @Message
    String reason_pending(String condition);

    @Message
    String form_original();

    @Message
    String form_copy();

    @Message
    String form_original_and_copy();

    /** Templates only (Qute {@code #when} in the text): a material form code in words. */
    @Message
    String form_of(String form);

    /** Templates only: a matter type (enum name) in words. */
    @Message
    String type_of(String type);

    @Message
    String notice_title();

    @Message
    String notice_matters(String matters);

    @Message
    String notice_window(String window, String counter);

    @Message
    String notice_bring();

    @Message
    String notice_item(int index, String name, String form);

    @Message
    String notice_produced(String name, String producer);

    @Message
    String notice_tolerable(String name, int days);

    @Message
    String notice_tolerable_header();

    @Message
    String notice_pending_header();

    @Message
    String notice_pending_item(String name, String condition);

    @Message
    String notice_time(String matter, int days);

    @Message
    String notice_time_immediate(String matter);

    @Message
    String notice_list_separator();

    @Message
    String notice_note(String text);

    @Message
    String home_title();

    @Message
    String home_intro();

    @Message
    String home_windows();

    @Message
    String home_events();

    @Message
    String home_matters_count(int count);

    @Message
    String lang_switch();

    @Message
    String lang_switch_target();

    @Message
    String app_name();

    @Message
    String skip_to_content();

    @Message
    String nav_display();

    @Message
    String display_large();

    @Message
    String display_contrast();

    @Message
    String footer_hotline();

    @Message
    String idle_note(int seconds);

    @Message
    String idle_warning();

    @Message
    String idle_stay();

    @Message
    String search_title();

    @Message
    String search_label();

    @Message
    String search_placeholder();

    @Message
    String search_button();

    @Message
    String search_found(long count);

    @Message
    String search_nothing();

    @Message
    String search_hint();

    @Message
    String did_you_mean();

    @Message
    String kind_event();

    @Message
    String window_matters(long count);

    @Message
    String back_home();

    @Message
    String back();

    @Message
    String next();

    @Message
    String yes();

    @Message
    String no();

    @Message
    String immediate();

    @Message
    String promised_days(int days);

    @Message
    String later_days(int days);

    @Message
    String matter_window();

    @Message
    String matter_start();

    @Message
    String matter_conditions();

    @Message
    String matter_materials();

    @Message
    String material_if();

    @Message
    String material_key();

    @Message
    String material_tolerable();

    @Message
    String matter_facts();

    @Message
    String matter_promised();

    @Message
    String matter_statutory();

    @Message
    String matter_fee();

    @Message
    String matter_result();

    @Message
    String matter_online();

    @Message
    String matter_place();

    @Message
    String matter_hours();

    @Message
    String matter_phone();

    @Message
    String matter_basis();

    @Message
    String progress_label();

    @Message
    String progress(int current, int total);

    @Message
    String progress_done(int asked);

    @Message
    String why_we_ask();

    @Message
    String answer_number();

    @Message
    String answer_date();

    @Message
    String interview_done();

    @Message
    String see_result();

    @Message
    String your_answers();

    @Message
    String result_title();

    @Message
    String reference();

    @Message
    String result_where();

    @Message
    String result_departments();

    @Message
    String role_lead();

    @Message
    String role_parallel();

    @Message
    String result_bring();

    @Message
    String precheck_hint();

    @Message
    String result_later();

    @Message
    String precheck_button();

    @Message
    String verdict_complete();

    @Message
    String verdict_tolerable();

    @Message
    String verdict_incomplete();

    @Message
    String still_missing();

    @Message
    String may_come_later();

    @Message
    String result_library();

    @Message
    String library_none();

    @Message
    String result_produced();

    @Message
    String result_conditional();

    @Message
    String result_matters();

    @Message
    String print_notice();

    @Message
    String print_receipt();

    @Message
    String print();

    @Message
    String qr_hint();

    @Message
    String notice_commitment();

    @Message
    String notice_footer(String ruleSet);

    @Message
    String display_on();

    @Message
    String notice_no_matters();

    @Message
    String scenarios_title();

    @Message
    String scenarios_file();

    @Message
    String scenarios_all();

    @Message
    String scenarios_failures_only();

    @Message
    String scenarios_with_checks();

    @Message
    String scenarios_run();

    @Message
    String scenarios_summary(int passed, int failed);

    @Message
    String scenarios_coverage(int covered, int rules);

    @Message
    String scenarios_col_file();

    @Message
    String scenarios_col_name();

    @Message
    String scenarios_col_result();

    @Message
    String scenarios_col_field();

    @Message
    String scenarios_col_expected();

    @Message
    String scenarios_col_actual();

    @Message
    String scenarios_pass();

    @Message
    String scenarios_fail();

    @Message
    String scenarios_uncovered();

    @Message
    String scenarios_drafts();

    @Message
    String scenarios_checks();
}
