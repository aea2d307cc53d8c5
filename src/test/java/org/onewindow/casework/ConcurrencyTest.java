package org.onewindow.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.onewindow.testing.TestApplicants;
import org.onewindow.testing.TestStaff;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Never lose or duplicate an acceptance: two clerks accepting the same application at the same
 * moment — exactly one succeeds, the other gets 409; four retries of one create with the same
 * idempotency key — one application. Requests are released together from a latch.
 */
@QuarkusTest
class ConcurrencyTest {

    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static <T> List<T> together(int n, Callable<T> call) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                gate.await();
                return call.call();
            }));
        }
        gate.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    @RepeatedTest(3)
    void twoClerksAcceptingAtOnceExactlyOneSucceeds() throws Exception {
        long id = ApplicationApiTest.create(TestApplicants.enterprise()).getLong("id");
        ApplicationApiTest.KEY.forEach(code -> ApplicationApiTest.mark(id, code, "received"));
        ApplicationApiTest.TOLERABLE.forEach(code -> ApplicationApiTest.mark(id, code, "received"));
        int version = ApplicationApiTest.version(id);

        List<Integer> statuses = together(2, () -> ApplicationApiTest.accept(id, version, null).statusCode());
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        List<String> kinds = TestStaff.clerk().get("/api/applications/" + id).then().extract().path("timeline.kind");
        assertEquals(1, kinds.stream().filter("accepted"::equals).count(), kinds.toString());
        assertEquals(version + 1, ApplicationApiTest.version(id));
    }

    @RepeatedTest(3)
    void retriesWithOneIdempotencyKeyCreateOneApplication() throws Exception {
        String applicant = TestApplicants.enterprise();
        String key = "concurrent-" + System.nanoTime();
        List<Long> ids = together(4, () -> TestStaff.clerk().contentType("application/json").header("Idempotency-Key", key)
                .body(ApplicationApiTest.body(applicant)).post("/api/applications").then().statusCode(201).extract()
                .jsonPath().getLong("id"));
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        List<Object> stored = TestStaff.clerk().get("/api/applications?q=" + applicant).then().statusCode(200)
                .extract().path("id");
        assertEquals(1, stored.size(), stored.toString());
    }
}
