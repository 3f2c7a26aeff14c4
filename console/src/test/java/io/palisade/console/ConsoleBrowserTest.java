package io.palisade.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's pages in a real Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by
 * Selenium; nothing downloaded): the sample attacked as the README shows, then the dashboard logged in,
 * the attacks, an event, a rule switched, a client blocked, and an attack payload shown as text. Writes
 * screenshots to {@code docs/images/}. Only in {@code mvn -Pbrowser -pl console verify} (after a build
 * of the sample), since Chromium is not on a fresh machine.
 */
class ConsoleBrowserTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theDashboardInChromium() throws Exception {
        try (RunningConsole console = new RunningConsole();
                SampleProcess sample = SampleProcess.start(console.server.uri(), console.console().provision("bookstore"),
                        Map.of("PALISADE_TRUSTED_PROXIES", "127.0.0.1"))) {
            String[] attacks = {"api/books/search?q=x%27%20OR%201%3D1%20OR%20%27a%27%3D%27", "api/books/search?q=%3Cscript%3Ealert(1)%3C/script%3E",
                "api/books/search?q=..%2F..%2Fetc%2Fpasswd", "api/books/search?q=x%3B%20cat%20%2Fetc%2Fpasswd", ".env", "wp-login.php",
                "api/books/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(document.cookie)%3E",
                "api/safe/books/search?q=%3Ciframe%20src%3D%2F%2Fevil.example%3E"};
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < attacks.length; i++) {
                    HTTP.send(HttpRequest.newBuilder(sample.uri.resolve(attacks[i])).header("X-Forwarded-For", "203.0.113." + (10 + i))
                            .build(), HttpResponse.BodyHandlers.discarding());
                }
                HTTP.send(HttpRequest.newBuilder(sample.uri.resolve("api/books/search?q=Emma")).build(), HttpResponse.BodyHandlers.discarding());
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> console.api("GET", "api/events?app=bookstore", null).body()
                    .contains("onerror=alert(document.cookie)"));

            ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                    .build();
            ChromeDriver browser = new ChromeDriver(service, options);
            Path images = SampleProcess.root().resolve("docs/images");
            Files.createDirectories(images);
            try {
                browser.manage().window().setSize(new Dimension(1280, 1000));
                browser.get(console.uri("login").toString());
                browser.findElement(By.name("password")).sendKeys(RunningConsole.ADMIN_PASSWORD);
                browser.findElement(By.cssSelector("button[type=submit]")).click();
                browser.get(console.uri("app/bookstore").toString());
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
                assertThat(browser.findElements(By.cssSelector("svg.chart rect"))).isNotEmpty();
                screenshot(browser, images.resolve("console-overview.png"));

                browser.get(console.uri("app/bookstore/attacks").toString());
                String list = browser.findElement(By.tagName("main")).getText();
                assertThat(list).contains("sqli-structure").contains("xss-exploit").contains("scanner-path")
                        .contains("<img src=x onerror=alert(document.cookie)>");
                assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
                screenshot(browser, images.resolve("console-attacks.png"));

                WebElement xss = browser.findElements(By.cssSelector("main table a")).stream()
                        .filter(a -> a.findElement(By.xpath("./ancestor::tr")).getText().contains("onerror")).findFirst().orElseThrow();
                xss.click();
                assertThat(browser.findElement(By.tagName("main")).getText()).contains("<img src=x onerror=alert(document.cookie)>");
                screenshot(browser, images.resolve("console-attack.png"));
                // Block this client: the sample answers it 403 within a poll.
                browser.findElement(By.xpath("//form[contains(@action,'/ip-blocks')]//button")).click();
                assertThat(browser.getCurrentUrl()).endsWith("/app/bookstore/ip-blocks");
                String blocked = browser.findElement(By.xpath("//main//table//tbody/tr[1]/td[1]")).getText();
                await().atMost(Duration.ofSeconds(10)).until(() -> HTTP.send(HttpRequest.newBuilder(sample.uri.resolve("api/books/search?q=Emma"))
                        .header("X-Forwarded-For", blocked).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 403);

                browser.get(console.uri("app/bookstore/rules").toString());
                WebElement form = browser.findElements(By.xpath("//form[contains(@action,'/rules/mode')]")).stream()
                        .filter(f -> f.findElement(By.name("rule")).getAttribute("value").equals("xss-exploit")).findFirst().orElseThrow();
                new Select(form.findElement(By.name("mode"))).selectByValue("monitor");
                form.findElement(By.tagName("button")).click();
                assertThat(browser.findElement(By.tagName("main")).getText()).contains("xss-exploit -> monitor");
                screenshot(browser, images.resolve("console-rules.png"));
                URI xssProbe = sample.uri.resolve("api/books/search?q=%3Cscript%3Ealert(1)%3C/script%3E");
                await().atMost(Duration.ofSeconds(10)).until(() -> HTTP.send(HttpRequest.newBuilder(xssProbe).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            } finally {
                browser.quit();
            }
        }
    }

    private static void screenshot(ChromeDriver browser, Path file) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
    }

}
