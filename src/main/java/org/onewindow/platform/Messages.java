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
    String home_api();

    @Message
    String lang_switch();

    @Message
    String lang_switch_target();
}
