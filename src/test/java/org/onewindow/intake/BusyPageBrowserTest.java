package org.onewindow.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.onewindow.testing.Browser;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * What a citizen at the kiosk sees when decisions arrive faster than they can be recorded, in a real
 * headless Chromium: the "see my list" step refused (503) shows a page in their language that says
 * nothing was done and to try again in a moment — not the JSON error, not "start again from the
 * home page" — and its first button leads back to the last question's page with every answer
 * kept, from where the same step then works.
 */
@QuarkusTest
@TestProfile(DecisionBacklogApiTest.OneWaiting.class)
class BusyPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @Test
    void aKioskStepRefusedWhileBusySaysTryAgainAndLeadsBackToTheAnswers() throws Exception {
        StoredRows.decided(); // the writer has started
        try (Browser b = new Browser(base.getPort())) {
            for (String lang : List.of("zh", "en")) {
                b.open("/interview?matter=food-business-licence&lang=" + lang);
                answerAll(b);
                String lastQuestion = b.path();
                List<CompletableFuture<Response>> waiting = new ArrayList<>();
                long before = StoredRows.count(dataSource);
                try (DecisionBatchLock stall = DecisionBatchLock.take(dataSource)) {
                    waiting.add(CompletableFuture.supplyAsync(BusyPageBrowserTest::evaluate));
                    stall.awaitCommitWaiting();
                    fillTheQueue(waiting);

                    b.clickAndWait("#see-result");
                    assertEquals("/result", b.path(), "the refused step stays where it was sent");
                    String page = b.driver.getPageSource();
                    assertFalse(page.contains("\"error\""), "no JSON error on a page: " + page);
                    assertTrue(b.text("main").contains("503"), "the page names its error code: " + b.text("main"));
                    if (lang.equals("zh")) {
                        assertEquals("系统繁忙，请稍候", b.text("#error-title"));
                        assertTrue(b.text("#error-text").contains("没有保存任何内容"), b.text("#error-text"));
                        assertEquals("返回上一页", b.text("#error-back"));
                    } else {
                        assertEquals("The service is busy", b.text("#error-title"));
                        assertTrue(b.text("#error-text").contains("nothing was saved"), b.text("#error-text"));
                        assertEquals("en", b.find("html").getAttribute("lang"));
                        assertEquals(List.of(), b.untranslatedChinese(), "an English page in English");
                    }
                    b.screenshot("busy-" + lang);
                    stall.release();
                }
                for (CompletableFuture<Response> w : waiting) {
                    assertEquals(200, w.get(60, TimeUnit.SECONDS).statusCode(), "the decisions that waited are answered");
                }
                assertEquals(before + waiting.size(), StoredRows.count(dataSource),
                        "what the page says is true: the refused step stored nothing (only the decisions that waited)");

                b.clickAndWait("#error-back");
                assertEquals(lastQuestion, b.path(), "back to the page the step was sent from, answers in its address");
                b.clickAndWait("#see-result");
                assertTrue(b.path().startsWith("/result/OW-"), "the same step works once the database caught up: " + b.path());
            }
        }
        // the answer itself is unchanged for machines: the API keeps its JSON 503 (DecisionBacklogApiTest)
    }

    /** Answers every question with its last choice until the list is ready. */
    private static void answerAll(Browser b) {
        for (int i = 0; i < 20 && !b.all("#question-form").isEmpty(); i++) {
            List<WebElement> choices = b.all("input[type=radio]");
            if (!choices.isEmpty()) {
                choices.get(choices.size() - 1).click();
            } else {
                b.find("#answer").sendKeys("30");
            }
            b.clickAndWait("#next");
        }
        assertEquals(1, b.all("#see-result").size(), "the interview ends with its list: " + b.path());
    }

    /**
     * With room for one waiting decision, sends decisions until one is refused: from then on the
     * queue is full (the ones that wait are kept to be answered later).
     */
    private static void fillTheQueue(List<CompletableFuture<Response>> waiting) throws Exception {
        for (int i = 0; i < 10; i++) {
            CompletableFuture<Response> next = CompletableFuture.supplyAsync(BusyPageBrowserTest::evaluate);
            try {
                Response answered = next.get(3, TimeUnit.SECONDS);
                assertEquals(503, answered.statusCode(), "nothing is answered while the database is held up");
                return;
            } catch (TimeoutException queued) {
                waiting.add(next);
            }
        }
        throw new AssertionError("no decision was refused: the queue never filled");
    }

    private static Response evaluate() {
        return given().contentType("application/json").body(StoredRows.EVALUATE).post("/api/intake/evaluate");
    }
}
