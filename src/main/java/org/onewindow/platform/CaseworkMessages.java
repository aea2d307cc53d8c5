package org.onewindow.platform;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The casework desk's sentences for integrity, supervision, statistics and ratings (templates:
 * {@code {cw:key}}; texts in {@code ui/messages/cw_zh.properties} and {@code cw_en.properties}).
 * A bundle of its own because Qute 3.33 generates unverifiable bytecode for a bundle of more than
 * about 300 messages (the generated resolve method is split, wrongly): {@link Messages} stays under it.
 */
@MessageBundle(value = "cw", locale = "zh")
public interface CaseworkMessages {

    @Message
    String clerk_statistics();

    @Message
    String clerk_supervisor();

    @Message
    String clerk_credit_from();

    @Message
    String credit_of(String status);

    @Message
    String credit_listed(String list, String source, String from);

    @Message
    String credit_not_listed(String date);

    @Message
    String credit_declared();

    @Message
    String credit_unavailable();

    @Message
    String clerk_find_matter();

    @Message
    String clerk_matter_chosen();

    @Message
    String clerk_no_matches();

    @Message
    String clerk_choose_matter();

    @Message
    String override_title();

    @Message
    String override_hint();

    @Message
    String override_reason();

    @Message
    String override_reason_of(String reason);

    @Message
    String override_note();

    @Message
    String override_basis();

    @Message
    String override_propose();

    @Message
    String override_pending(int n, String by);

    @Message
    String override_materials();

    @Message
    String override_approve();

    @Message
    String override_reject();

    @Message
    String override_comment();

    @Message
    String override_own();

    @Message
    String override_status_of(String status);

    @Message
    String override_history();

    @Message
    String board_overrides();

    @Message
    String board_escalations();

    @Message
    String board_followups();

    @Message
    String board_nothing();

    @Message
    String board_raised_on();

    @Message
    String board_ack();

    @Message
    String board_comment();

    @Message
    String board_acknowledge();

    @Message
    String board_close();

    @Message
    String board_score();

    @Message
    String board_follow_up_due();

    @Message
    String stats_title();

    @Message
    String stats_from();

    @Message
    String stats_to();

    @Message
    String stats_show();

    @Message
    String stats_csv();

    @Message
    String stats_total();

    @Message
    String stats_by_window();

    @Message
    String stats_by_department();

    @Message
    String stats_by_matter();

    @Message
    String stats_returns();

    @Message
    String stats_none();

    @Message
    String stats_name();

    @Message
    String stats_received();

    @Message
    String stats_accepted();

    @Message
    String stats_tolerance();

    @Message
    String stats_returned();

    @Message
    String stats_delivered();

    @Message
    String stats_in_time();

    @Message
    String stats_supplied_on_time();

    @Message
    String stats_supplied_late();

    @Message
    String stats_overdue();

    @Message
    String stats_one_visit();

    @Message
    String stats_mean_days();

    @Message
    String stats_count();

    @Message
    String stats_chart_outcomes();

    @Message
    String stats_chart_windows();

    @Message
    String stats_rate(String rate);

    @Message
    String stats_hint();

    @Message
    String error_of(String code);

    @Message
    String safeguard_of(String safeguard);

    @Message
    String field_error_of(String field);

    @Message
    String tl_material(String name, String state);

    @Message
    String tl_due(String date);

    @Message
    String tl_tolerated(String name, String date);

    @Message
    String tl_dispatched(String dept, String role);

    @Message
    String tl_decision(String dept, String decision);

    @Message
    String tl_reason(String reason);

    @Message
    String tl_supplied(String name);

    @Message
    String tl_supplied_late(String name, String date);

    @Message
    String tl_missing(String names);

    @Message
    String tl_override_proposed(int n, String reason, String names);

    @Message
    String tl_override_decided(int n, String comment);

    @Message
    String tl_card(String date);

    @Message
    String tl_suspended(String names);

    @Message
    String tl_credit(String from, String to);

    @Message
    String tl_rated(int score);

    @Message
    String tl_comment(String comment);

    @Message
    String rate_title();

    @Message
    String rate_intro();

    @Message
    String rate_number();

    @Message
    String rate_id_tail();

    @Message
    String rate_score();

    @Message
    String rate_score_of(int s);

    @Message
    String rate_comment();

    @Message
    String rate_submit();

    @Message
    String rate_thanks();

    @Message
    String rate_error_of(String error);

    @Message
    String rate_link();

    @Message
    String doc_rate_hint();

}
