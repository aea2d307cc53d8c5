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
    String reason_not_needed(String condition);

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
    String notice_library_header();

    @Message
    String notice_library_item(String name);

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
    String catalogue_only_notice();

    @Message
    String catalogue_only_short();

    @Message
    String matter_competent();

    @Message
    String matter_service_points();

    @Message
    String matter_item_code();

    @Message
    String matter_source();

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

    @Message
    String kiosk_id_label();

    @Message
    String kiosk_id_hint();

    @Message
    String kiosk_id_error();

    @Message
    String case_notice_intro(String applicant, String matters, String number);

    @Message
    String case_notice_item(int index, String name);

    @Message
    String case_notice_footer(String window);

    // --- clerk desk, documents, staff login ---

    @Message
    String clerk_title();

    @Message
    String clerk_nav();

    @Message
    String clerk_queue();

    @Message
    String clerk_new();

    @Message
    String clerk_board();

    @Message
    String clerk_logout();

    @Message
    String clerk_scan();

    @Message
    String clerk_scan_hint();

    @Message
    String clerk_status();

    @Message
    String clerk_all();

    @Message
    String clerk_find();

    @Message
    String clerk_none();

    @Message
    String clerk_number();

    @Message
    String clerk_applicant();

    @Message
    String clerk_matters();

    @Message
    String clerk_due();

    @Message
    String clerk_suspended();

    @Message
    String clerk_running();

    @Message
    String clerk_board_hint();

    @Message
    String clerk_accepted_on();

    @Message
    String clerk_left();

    @Message
    String clerk_tasks();

    @Message
    String clerk_estimated();

    @Message
    String clerk_days_left(int days);

    @Message
    String clerk_days_overdue(int days);

    @Message
    String clerk_due_on(String date);

    @Message
    String clerk_what();

    @Message
    String clerk_reference();

    @Message
    String clerk_reference_hint();

    @Message
    String clerk_matter();

    @Message
    String clerk_event();

    @Message
    String clerk_applicant_type();

    @Message
    String clerk_person();

    @Message
    String clerk_enterprise();

    @Message
    String clerk_applicant_id();

    @Message
    String clerk_applicant_name();

    @Message
    String clerk_credit();

    @Message
    String clerk_credit_unknown();

    @Message
    String clerk_credit_good();

    @Message
    String clerk_credit_bad();

    @Message
    String clerk_questions();

    @Message
    String clerk_create();

    @Message
    String clerk_application();

    @Message
    String clerk_window();

    @Message
    String clerk_promised();

    @Message
    String clerk_rules();

    @Message
    String clerk_checklist();

    @Message
    String clerk_material();

    @Message
    String clerk_state();

    @Message
    String clerk_action();

    @Message
    String clerk_received();

    @Message
    String clerk_missing();

    @Message
    String clerk_mark_received(String name);

    @Message
    String clerk_mark_missing(String name);

    @Message
    String clerk_supplied();

    @Message
    String clerk_supply_by(String date);

    @Message
    String clerk_verdict();

    @Message
    String clerk_decide();

    @Message
    String clerk_override_reason();

    @Message
    String clerk_override_hint();

    @Message
    String clerk_accept();

    @Message
    String clerk_return_reason();

    @Message
    String clerk_return();

    @Message
    String clerk_department();

    @Message
    String clerk_role();

    @Message
    String clerk_decision();

    @Message
    String clerk_approve();

    @Message
    String clerk_reject();

    @Message
    String clerk_supplement();

    @Message
    String clerk_reason();

    @Message
    String clerk_record_decision();

    @Message
    String clerk_supplement_supplied();

    @Message
    String clerk_result();

    @Message
    String clerk_approved();

    @Message
    String clerk_rejected();

    @Message
    String clerk_deliver();

    @Message
    String clerk_documents();

    @Message
    String clerk_timeline();

    @Message
    String doc_receipt();

    @Message
    String doc_tolerance();

    @Message
    String doc_notice();

    @Message
    String doc_pickup();

    @Message
    String doc_title_of(String kind);

    @Message
    String doc_centre();

    @Message
    String doc_date(java.time.LocalDate date);

    @Message
    String doc_qr_hint();

    @Message
    String doc_applicant();

    @Message
    String doc_matters();

    @Message
    String doc_receipt_body(java.time.LocalDate date);

    @Message
    String doc_receipt_tolerance(java.time.LocalDate date);

    @Message
    String doc_due(int days, java.time.LocalDate date);

    @Message
    String doc_received();

    @Message
    String doc_departments();

    @Message
    String doc_pickup_where(String window);

    @Message
    String doc_tolerance_body(java.time.LocalDate date);

    @Message
    String doc_supply_by();

    @Message
    String doc_tolerance_consequence();

    @Message
    String doc_commitment_title();

    @Message
    String doc_commitment_body();

    @Message
    String doc_sign_applicant();

    @Message
    String doc_sign_date();

    @Message
    String doc_sign_clerk();

    @Message
    String doc_notice_body();

    @Message
    String doc_notice_footer(String window);

    @Message
    String doc_pickup_approved();

    @Message
    String doc_pickup_rejected();

    @Message
    String doc_footer(String ruleSet);

    @Message
    String done_of(String what);

    @Message
    String status_of(String status);

    @Message
    String state_of(String state);

    @Message
    String task_of(String status);

    @Message
    String level_of(String level);

    @Message
    String event_of(String kind);

    @Message
    String login_title();

    @Message
    String login_username();

    @Message
    String login_password();

    @Message
    String login_submit();

    @Message
    String login_error();

    @Message
    String login_out();

    @Message
    String login_wait(long seconds);

    @Message
    String rate_limited(long seconds);

    @Message
    String nav_password();

    @Message
    String nav_staff();

    @Message
    String password_title();

    @Message
    String password_current();

    @Message
    String password_new();

    @Message
    String password_repeat();

    @Message
    String password_rules();

    @Message
    String password_submit();

    @Message
    String staff_title();

    @Message
    String staff_create();

    @Message
    String staff_username();

    @Message
    String staff_name();

    @Message
    String staff_roles();

    @Message
    String staff_department();

    @Message
    String staff_no_department();

    @Message
    String staff_active();

    @Message
    String staff_inactive();

    @Message
    String staff_save();

    @Message
    String staff_reset();

    @Message
    String staff_new_password();

    @Message
    String role_of(String role);
}
