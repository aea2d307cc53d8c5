package org.onewindow.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onewindow.testing.Browser;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** On a shared screen, a quiet page returns home and forgets the visitor's language and answers. */
@QuarkusTest
@TestProfile(IdleTimeoutBrowserTest.ShortIdle.class)
class IdleTimeoutBrowserTest {

    public static class ShortIdle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onewindow.kiosk.idle-seconds", "4");
        }
    }

    // the test port is random (parallel builds on one machine); Quarkus injects the one it bound
    @TestHTTPResource("/")
    java.net.URL base;

    @Test
    void anIdleInterviewReturnsHomeInChinese() {
        try (Browser b = new Browser(base.getPort())) {
            b.open("/start?event=retire&lang=en");
            assertEquals("en", b.find("html").getAttribute("lang"));
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/?idle=1"));
            assertEquals("zh-CN", b.find("html").getAttribute("lang"), "the visitor's language choice is forgotten");
            b.open("/browse?window=tax");
            assertEquals("zh-CN", b.find("html").getAttribute("lang"));
        }
    }
}
