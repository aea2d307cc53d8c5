package org.onewindow.kiosk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.onewindow.testing.Browser;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Past the count limit search stops counting (so that a province-scale index can skip documents);
 * the page must then say "more than N", in both languages, and still page. The shipped catalogue
 * is far below the production limit of 1,000, so this test lowers it to 20.
 */
@QuarkusTest
@TestProfile(SearchCountLimitBrowserTest.LowLimit.class)
class SearchCountLimitBrowserTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("onewindow.search.count-limit", "20");
        }
    }

    @TestHTTPResource("/")
    java.net.URL base;

    @Test
    void aCountThatStoppedSaysMoreThanInBothLanguagesAndStillPages() {
        String q = URLEncoder.encode("申请", StandardCharsets.UTF_8);
        int all = given().get("/api/search?q=申请&limit=1").then().statusCode(200)
                .body("totalExact", org.hamcrest.Matchers.equalTo(false))
                .body("total", org.hamcrest.Matchers.equalTo(20)).extract().path("events");
        try (Browser b = new Browser(base.getPort())) {
            b.open("/search?q=" + q + "&lang=zh");
            String count = b.text("#search-count");
            Matcher m = Pattern.compile("找到超过 20 条结果：(\\d+) 个“一件事”，其余为事项。 当前显示第 1–10 条。").matcher(count);
            assertTrue(m.matches(), count);
            assertEquals(all, Integer.parseInt(m.group(1)), "life events are counted exactly");
            assertFalse(count.contains("找到 20 条"), "a lower bound is never shown as the count");
            List<String> first = b.all("li.hit a").stream().map(e -> e.getAttribute("id")).toList();
            assertEquals(10, first.size());
            b.clickAndWait("#next-page");
            assertTrue(b.text("#search-count").endsWith("当前显示第 11–20 条。"), b.text("#search-count"));
            List<String> second = b.all("li.hit a").stream().map(e -> e.getAttribute("id")).toList();
            assertEquals(10, second.size());
            assertTrue(second.stream().noneMatch(first::contains), "page 2 shows other hits");

            b.open("/search?q=" + q + "&lang=en");
            String english = b.text("#search-count");
            assertTrue(Pattern.compile("More than 20 results: \\d+ life events?, the rest matters\\. Showing 1–10\\.")
                    .matcher(english).matches(), english);
        }
        // a query that matches no more than the limit is still counted exactly, and only such a one
        int exact = 0;
        for (String narrow : List.of("林木采伐", "丧葬费", "烟草专卖零售许可证", "人防", "契税")) {
            io.restassured.path.json.JsonPath r = given().queryParam("q", narrow).get("/api/search")
                    .then().statusCode(200).extract().jsonPath();
            int total = r.getInt("total");
            if (r.getBoolean("totalExact")) {
                exact++;
                assertTrue(total <= 20, narrow + ": " + total);
            } else {
                assertEquals(20, total, narrow);
            }
        }
        assertTrue(exact > 0, "some narrow query is counted exactly");
    }
}
