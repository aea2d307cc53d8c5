package org.onewindow.web;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onewindow.platform.Messages;
import org.onewindow.staff.ClientAddress;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Per-client rate limits (Bucket4j token buckets), checked before authentication so that a flood
 * costs neither a rule evaluation nor a bcrypt check. Two budgets per client address: one for
 * what costs CPU (decisions, interviews, scenario runs, kiosk results), one for everything else.
 * Over budget: 429 with {@code Retry-After}. Buckets live in this node's memory: behind N replicas
 * a client gets up to N times the budget (docs/operator.md). Health and metrics are never limited.
 */
@ApplicationScoped
public class RateLimits {

    private static final int MAX_TRACKED = 50_000;

    @ConfigProperty(name = "onewindow.rate-limit.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "onewindow.rate-limit.expensive-per-minute", defaultValue = "60")
    int expensivePerMinute;

    @ConfigProperty(name = "onewindow.rate-limit.default-per-minute", defaultValue = "300")
    int defaultPerMinute;

    @ConfigProperty(name = "onewindow.rate-limit.exempt")
    java.util.Optional<java.util.List<String>> exempt;

    private record Tracked(Bucket bucket, long[] lastUsed) {
    }

    private final Map<String, Tracked> buckets = new ConcurrentHashMap<>();
    private Set<String> exemptClients = Set.of();

    void install(@Observes Router router) {
        exemptClients = exempt.orElse(java.util.List.of()).stream().map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        router.route().order(Integer.MIN_VALUE + 20).handler(this::handle);
    }

    void handle(RoutingContext context) {
        String path = context.normalizedPath();
        if (!enabled || path.startsWith("/q/") || path.startsWith("/static/") || path.equals("/favicon.ico")) {
            context.next();
            return;
        }
        String client = ClientAddress.of(context);
        if (exemptClients.contains(client)) {
            context.next();
            return;
        }
        boolean expensive = expensive(context.request().method(), path);
        ConsumptionProbe probe = bucket(client, expensive).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            context.next();
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        String lang = Languages.resolve(context.queryParams().get("lang"),
                context.request().getCookie(Languages.COOKIE) == null ? null
                        : context.request().getCookie(Languages.COOKIE).getValue());
        String text = MessageBundles.get(Messages.class, Localized.Literal.of(lang)).rate_limited(seconds);
        context.response().setStatusCode(429).putHeader("Retry-After", Long.toString(seconds))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject(Map.of("error", "too many requests", "detail", text)).encode());
    }

    /** What costs a rule evaluation or more. */
    static boolean expensive(HttpMethod method, String path) {
        if (method == HttpMethod.POST) {
            return path.startsWith("/api/intake") || path.startsWith("/api/interview") || path.startsWith("/decisions")
                    || path.startsWith("/api/scenarios") || path.equals("/result") || path.equals("/online/decide");
        }
        return path.equals("/interview") || path.equals("/online/interview") || path.startsWith("/result/") || path.equals("/scenarios")
                || path.equals("/api/scenarios/checks") || path.equals("/api/rules/quality");
    }

    private Bucket bucket(String client, boolean expensive) {
        if (buckets.size() > MAX_TRACKED) {
            forgetIdle();
        }
        int perMinute = expensive ? expensivePerMinute : defaultPerMinute;
        Tracked tracked = buckets.computeIfAbsent((expensive ? "e:" : "d:") + client, k -> new Tracked(
                Bucket.builder().addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                        .build(), new long[1]));
        tracked.lastUsed()[0] = System.nanoTime();
        return tracked.bucket();
    }

    /** A client quiet for two minutes has a full bucket again: forgetting it changes nothing. */
    private void forgetIdle() {
        long cutoff = System.nanoTime() - Duration.ofMinutes(2).toNanos();
        buckets.entrySet().removeIf(e -> e.getValue().lastUsed()[0] < cutoff);
    }
}
