package org.onewindow.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The search API as a kiosk uses it. Relevance over many queries is measured in RelevanceTest. */
@QuarkusTest
class SearchApiTest {

    @Test
    void findsMattersAndLifeEventsFromColloquialWords() {
        given().queryParam("q", "开饭店要办什么证").get("/api/search").then().statusCode(200)
                .body("total", greaterThan(0))
                .body("hits.code", hasItems("open-restaurant", "food-business-licence"))
                .body("hits.find { it.code == 'open-restaurant' }.kind", equalTo("event"))
                .body("hits.find { it.code == 'food-business-licence' }.kind", equalTo("matter"))
                .body("hits[0].highlight", containsString("<mark>"))
                .body("suggestion", nullValue());
    }

    @Test
    void filtersByWindowAndDepartment() {
        given().queryParam("q", "许可").queryParam("window", "market-access").queryParam("limit", 50)
                .get("/api/search").then().statusCode(200)
                .body("total", greaterThan(0)).body("hits.window", everyItem(equalTo("market-access")));
        given().queryParam("q", "许可").queryParam("department", "zjj").queryParam("limit", 50)
                .get("/api/search").then().statusCode(200)
                .body("total", greaterThan(0)).body("hits.department", everyItem(equalTo("zjj")));
    }

    @Test
    void aHomophoneTypoIsFoundAndTheRightNameSuggested() {
        given().queryParam("q", "营业职照丢了").get("/api/search").then().statusCode(200)
                .body("hits[0].code", equalTo("business-licence-replacement"))
                .body("suggestion", equalTo("营业执照遗失补领、换发"));
        given().queryParam("q", "yingyezhizhao").get("/api/search").then().statusCode(200)
                .body("hits[0].code", equalTo("business-licence-replacement"));
    }

    @Test
    void typeAheadSuggestsOfficialNames() {
        given().queryParam("q", "营业").get("/api/search/suggest").then().statusCode(200)
                .body("$", hasItem("营业执照遗失补领、换发"));
        given().queryParam("q", "开饭").get("/api/search/suggest").then().statusCode(200)
                .body("$", hasItem("我要开餐馆（餐饮店开办一件事）"));
    }

    @Test
    void emptyOrOverlongQueriesAre400AndQuerySyntaxIsJustText() {
        given().queryParam("q", " ").get("/api/search").then().statusCode(400).body("field", equalTo("q"));
        given().get("/api/search").then().statusCode(400).body("field", equalTo("q"));
        given().queryParam("q", "许".repeat(201)).get("/api/search").then().statusCode(400).body("field", equalTo("q"));
        given().queryParam("q", "\"AND OR* ~ ^ :( [a TO b] \\").get("/api/search").then().statusCode(200);
        given().queryParam("q", "<script>低保</script>").get("/api/search").then().statusCode(200)
                .body("hits.code", hasItem("minimum-living-allowance"))
                .body("hits.highlight", everyItem(org.hamcrest.Matchers.not(containsString("<script>"))));
        given().queryParam("q", " ").get("/api/search/suggest").then().statusCode(400);
        given().queryParam("q", "x").queryParam("limit", 0).get("/api/search").then().statusCode(400)
                .body("field", equalTo("limit"));
        given().queryParam("q", "x").queryParam("window", "nowhere").get("/api/search").then().statusCode(400)
                .body("field", equalTo("window"));
    }

    /**
     * The longest question allowed, a ramble through many matters, still answers (its own words are
     * capped at their rarest tokens; the vocabulary's official terms are kept) and still finds.
     */
    @Test
    void theLongestAllowedQuestionIsAnswered() {
        String ramble = ("我想在家门口开个小卖部卖烟酒饮料要办啥，老家的房子想改成民宿接待游客，家里困难低保和看病的救助能一起申请吗，"
                + "换了个城市工作以前交的社保怎么转过来，身份证弄丢了明天要坐火车急用，开饭店要办营业执照和卫生许可吗，"
                + "老板欠工资不给我又请不起律师，被公司辞退了每个月能拿失业的钱吗，上班的时候摔断了腿怎么算工伤，到岁数了不上班了退休要去哪办");
        String text = (ramble + ramble).substring(0, 200);
        given().queryParam("q", text).get("/api/search").then().statusCode(200)
                .body("total", greaterThan(0)).body("hits.size()", equalTo(10));
    }

    @Test
    void readinessIncludesTheSearchIndex() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("search-index"));
    }
}
