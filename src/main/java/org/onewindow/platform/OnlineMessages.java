package org.onewindow.platform;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The applicants' own channel (issue 13): the online portal, progress, error pages, PDFs and the
 * kiosk's English and paging sentences ({@code {on:key}}; texts in {@code ui/messages/on_zh.properties}
 * and {@code on_en.properties}). A bundle of its own: Qute 3.33 breaks on one bundle of more than
 * about 300 messages (see {@link CaseworkMessages}).
 */
@MessageBundle(value = "on", locale = "zh")
public interface OnlineMessages {

    // --- sms
    @Message
    String sms_code(String code, int minutes);

    // --- progress steps
    @Message
    String step_created();

    @Message
    String step_created_online();

    @Message
    String step_accepted(String due);

    @Message
    String step_accepted_tolerance(String due);

    @Message
    String step_dispatched(String departments);

    @Message
    String step_approved(String department);

    @Message
    String step_rejected(String department, String reason);

    @Message
    String step_supplement(String department, String reason);

    @Message
    String step_supplement_supplied(String department);

    @Message
    String step_supplied(String material);

    @Message
    String step_suspended();

    @Message
    String step_resumed();

    @Message
    String step_ready(String window);

    @Message
    String step_delivered();

    @Message
    String step_returned();

    @Message
    String step_rated();

    @Message
    String list_separator();

    // --- the online portal
    @Message
    String online_title();

    @Message
    String online_intro();

    @Message
    String signin_error_of(String error);

    @Message
    String signin_phone();

    @Message
    String signin_send();

    @Message
    String signin_sent();

    @Message
    String signin_code();

    @Message
    String signin_button();

    @Message
    String online_progress_hint();

    @Message
    String progress_title();

    @Message
    String signed_in_as(String phone);

    @Message
    String done_of(String done);

    @Message
    String field_error_of(String field);

    @Message
    String profile_title();

    @Message
    String verified();

    @Message
    String unverified();

    @Message
    String unverified_hint();

    @Message
    String profile_change();

    @Message
    String profile_declare();

    @Message
    String profile_name();

    @Message
    String profile_id();

    @Message
    String profile_save();

    @Message
    String start_title();

    @Message
    String mine_title();

    @Message
    String mine_none();

    @Message
    String sign_out();

    @Message
    String back_online();

    @Message
    String apply_error_of(String error);

    @Message
    String for_whom();

    @Message
    String for_self();

    @Message
    String for_person();

    @Message
    String for_enterprise();

    @Message
    String for_id();

    @Message
    String for_id_hint();

    @Message
    String begin();

    @Message
    String known_title();

    @Message
    String known_hint();

    @Message
    String see_materials();

    @Message
    String draft_title();

    @Message
    String upload_error_of(String error, int maxMb);

    @Message
    String upload_title();

    @Message
    String upload_hint(int maxMb);

    @Message
    String choose_file(String name);

    @Message
    String upload_button();

    @Message
    String see_application();

    @Message
    String applicant_name();

    @Message
    String submit_hint();

    @Message
    String submit_button();

    @Message
    String verify_first();

    @Message
    String application_title();

    @Message
    String due_on(String date);

    @Message
    String waiting_title();

    @Message
    String supply_by(String date);

    @Message
    String steps_title();

    @Message
    String supplement_title();

    // --- progress page
    @Message
    String progress_busy(long seconds);

    @Message
    String progress_not_found();

    @Message
    String progress_number();

    @Message
    String progress_id_tail();

    @Message
    String progress_look_up();

    // --- clerk desk
    @Message
    String online_presubmitted();

    @Message
    String online_channel();

    @Message
    String clerk_view_upload(String purpose);

    // --- kiosk in English
    @Message
    String basis_in_chinese();

    // --- kiosk search: honest counts and paging
    @Message
    String search_counts(long total, long matters, long events);

    /** Counting stopped: there are more than {@code total} results (events is exact). */
    @Message
    String search_counts_more(long total, long events);

    @Message
    String search_showing(int from, int to);

    @Message
    String search_pages();

    @Message
    String search_previous();

    @Message
    String search_next();

    @Message
    String search_page_of(int page, int pages);

    // --- friendly error pages
    @Message
    String error_title(int status);

    @Message
    String error_text(int status);

    @Message
    String error_code(int status);

    @Message
    String error_back();

    /** A refusal that says when to come back (a 503 with Retry-After: busy, shutting down, the database away). */
    @Message
    String error_busy_title();

    @Message
    String error_busy_text();

    // --- documents
    @Message
    String documents_title();

    // --- kiosk result
    @Message
    String library_kiosk_hint();
}
