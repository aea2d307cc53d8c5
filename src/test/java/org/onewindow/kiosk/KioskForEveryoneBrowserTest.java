package org.onewindow.kiosk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Browser;
import org.openqa.selenium.JavascriptExecutor;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The kiosk as the elderly and English speakers use it, in a real browser: large text really
 * enlarges (computed font sizes), English pages carry no untranslated Chinese (only the language
 * switch itself, marked lang="zh"), bad links and bad input get a friendly page in the visitor's
 * language instead of JSON, and search pages through its results with counts that add up.
 */
@QuarkusTest
class KioskForEveryoneBrowserTest {

    @TestHTTPResource("/")
    java.net.URL base;

    private static Browser browser;

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(base.getPort());
        }
        return browser;
    }

    private static double px(Browser b, String css) {
        String size = (String) ((JavascriptExecutor) b.driver).executeScript(
                "return getComputedStyle(document.querySelector(arguments[0])).fontSize", css);
        return Double.parseDouble(size.replace("px", ""));
    }

    private static void english(Browser b, String where) {
        assertEquals("en", b.find("html").getAttribute("lang"), where);
        List<String> chinese = b.untranslatedChinese();
        assertTrue(chinese.isEmpty(), where + " shows untranslated Chinese: " + chinese);
    }

    @Test
    void largeTextEnlargesEverything() {
        Browser b = browser();
        b.open("/?lang=zh&display=normal");
        double h1 = px(b, "h1");
        double text = px(b, "p.intro");
        double button = px(b, "form.search button");
        b.clickAndWait("#toggle-large");
        assertTrue(b.find("html").getAttribute("class").contains("large"));
        assertEquals(1.3, px(b, "h1") / h1, 0.02, "the heading grows with large text");
        assertEquals(1.3, px(b, "p.intro") / text, 0.02, "body text grows with large text");
        assertEquals(1.3, px(b, "form.search button") / button, 0.02, "buttons grow with large text");
        b.screenshot("kiosk-large-text");
        // it stays on the next page, and a second click turns it off
        b.open("/matter/food-business-licence");
        assertEquals(1.3 * h1, px(b, "h1"), 1.0, "large text is kept for the visit");
        b.clickAndWait("#toggle-large");
        assertEquals(h1, px(b, "h1"), 0.5);
    }

    @Test
    void englishPagesAreWhollyEnglish() {
        Browser b = browser();
        b.open("/?lang=en&display=normal");
        english(b, "home");
        b.screenshot("kiosk-home-en");
        b.submit("#q", "open a restaurant");
        english(b, "search for 'open a restaurant'");
        assertTrue(b.all("#hit-open-restaurant, #hit-food-business-licence").size() >= 1, b.text("main"));
        b.open("/browse?window=market-access");
        english(b, "browse");
        b.open("/matter/food-business-licence");
        english(b, "matter page");
        assertTrue(b.text("main").contains("food safety staff"), "the conditions in English: " + b.text("main"));
        b.open("/start?matter=food-business-licence");
        english(b, "interview");
        for (int i = 0; i < 6 && b.all("#next").size() == 1; i++) {
            b.find("input[type=radio]").click();
            b.clickAndWait("#next");
            english(b, "interview step " + (i + 2));
        }
        b.clickAndWait("#see-result");
        english(b, "result");
        b.open(b.path().replace("/result/", "/notice/"));
        english(b, "printed notice");
        b.open("/progress");
        english(b, "progress");
        b.open("/online");
        english(b, "online sign-in");
        b.open("/rate");
        english(b, "rating");
    }

    @Test
    void everyGuidePageIsWhollyEnglishInEnglish() {
        // every matter, catalogue-only ones too (their English name comes from the catalogue item's nameEn)
        List<String> codes = new ArrayList<>();
        for (int offset = 0; offset < 5000; offset += 100) {
            List<String> page = given().get("/api/matters?limit=100&offset=" + offset).then().statusCode(200).extract()
                    .path("items.code");
            codes.addAll(page);
            if (page.size() < 100) {
                break;
            }
        }
        List<String> problems = new ArrayList<>();
        for (String code : codes) {
            String html = given().cookie("ow_lang", "en").get("/matter/" + code).then().statusCode(200).extract().asString();
            String text = html.replaceAll("(?s)<a [^>]*lang=\"zh[^\"]*\"[^>]*>.*?</a>", "").replaceAll("(?s)<[^>]+>", " ");
            Matcher m = Browser.HAN.matcher(text);
            if (m.find()) {
                problems.add(code + ": " + m.group());
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " English guide pages with Chinese: " + problems);
    }

    @Test
    void badLinksAndBadInputGetAFriendlyPage() {
        Browser b = browser();
        b.open("/matter/no-such-matter?lang=zh");
        assertEquals(1, b.all("#error-title").size(), b.driver.getPageSource());
        assertEquals("没有找到这个页面", b.text("#error-title"));
        assertFalse(b.driver.getPageSource().contains("\"error\""), "no JSON on a page route");
        b.screenshot("kiosk-error-zh");
        b.open("/matter/no-such-matter?lang=en");
        assertEquals("This page does not exist", b.text("#error-title"));
        english(b, "error page");
        b.open("/interview?matter=no-such-matter&lang=zh");
        assertEquals(1, b.all("#error-title").size(), b.driver.getPageSource());
        assertEquals("填写的内容有误", b.text("#error-title"));
        given().header("Accept", "text/html").get("/interview?matter=no-such-matter").then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"));
        b.open("/browse?window=nowhere");
        assertEquals(1, b.all("#error-home").size());
        // the APIs keep answering JSON
        given().accept("application/json").get("/api/matters/no-such-matter").then().statusCode(404)
                .contentType("application/json");
        given().header("Accept", "text/html").get("/matter/no-such-matter").then().statusCode(404)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"));
        // "back" leads to the page of ours the person came from, never to another site
        String from = base.toString() + "browse?window=market";
        String ours = given().header("Accept", "text/html").header("Referer", from).get("/matter/no-such-matter")
                .then().statusCode(404).extract().asString();
        assertTrue(ours.contains("id=\"error-back\"") && ours.contains("href=\"/browse?window=market\""), ours);
        String theirs = given().header("Accept", "text/html").header("Referer", "http://elsewhere.example/browse")
                .get("/matter/no-such-matter").then().statusCode(404).extract().asString();
        assertFalse(theirs.contains("error-back"), theirs);
    }

    @Test
    void searchPagesThroughHonestCounts() {
        Browser b = browser();
        b.open("/search?q=" + java.net.URLEncoder.encode("申请", java.nio.charset.StandardCharsets.UTF_8) + "&lang=zh");
        String count = b.text("#search-count");
        Matcher m = Pattern.compile("找到 (\\d+) 条结果：(\\d+) 个事项，(\\d+) 个“一件事”。 当前显示第 1–10 条。").matcher(count);
        assertTrue(m.matches(), count);
        int total = Integer.parseInt(m.group(1));
        int matters = Integer.parseInt(m.group(2));
        int events = Integer.parseInt(m.group(3));
        assertEquals(total, matters + events, "the counts add up");
        int catalogue = given().get("/api/matters?limit=1").then().extract().path("total");
        assertTrue(matters <= catalogue, matters + " matters found of " + catalogue);
        assertTrue(total > 10, "enough hits to page: " + total);
        assertEquals(10, b.all("li.hit").size());
        List<String> first = b.all("li.hit a").stream().map(e -> e.getAttribute("id")).toList();
        b.clickAndWait("#next-page");
        assertTrue(b.text("#search-count").contains("当前显示第 11–" + Math.min(20, total) + " 条"), b.text("#search-count"));
        assertTrue(b.text("#page-of").startsWith("第 2 页"));
        List<String> second = b.all("li.hit a").stream().map(e -> e.getAttribute("id")).toList();
        assertTrue(second.stream().noneMatch(first::contains), "page 2 shows other hits");
        b.clickAndWait("#previous-page");
        assertEquals(first, b.all("li.hit a").stream().map(e -> e.getAttribute("id")).toList());
        // the API pages the same way
        List<String> api = given().get("/api/search?q=申请&limit=10&offset=10").then().statusCode(200).extract()
                .path("hits.code");
        assertEquals(second.stream().map(id -> id.substring("hit-".length())).toList(), api);
        given().get("/api/search?q=申请&offset=-1").then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("offset"));
    }
}
