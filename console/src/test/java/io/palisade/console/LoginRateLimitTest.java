package io.palisade.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Password guessing is slowed down per client address, in the database. A console of its own (one
 * console per JVM at a time: the CDI container is found per JVM), so that other tests' logins are not limited.
 */
class LoginRateLimitTest {

    @Test
    void loginsAreRateLimitedPerClientAndTheLimitIsSharedByEveryConsoleInstance() throws Exception {
        try (RunningConsole own = new RunningConsole(); WebClient browser = new WebClient()) {
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            int status = 0;
            for (int i = 0; i < Accounts.MAX_FAILURES + 1; i++) {
                HtmlPage login = browser.getPage(own.uri("login").toURL());
                HtmlForm form = login.getForms().get(0);
                form.getInputByName("name").setValue("admin");
                form.getInputByName("password").setValue("guess " + i);
                status = form.getOneHtmlElementByAttribute("button", "type", "submit").<HtmlPage>click().getWebResponse()
                        .getStatusCode();
            }
            assertThat(status).isEqualTo(429);
            // Even the right password waits now, from this address; the API's Basic login too.
            HtmlPage login = browser.getPage(own.uri("login").toURL());
            HtmlForm form = login.getForms().get(0);
            form.getInputByName("password").setValue(RunningConsole.ADMIN_PASSWORD);
            assertThat(form.getOneHtmlElementByAttribute("button", "type", "submit").<HtmlPage>click().getWebResponse()
                    .getStatusCode()).isEqualTo(429);
            assertThat(own.api("GET", "api/applications", null).statusCode()).isEqualTo(401);
            // The failures are in the database: another address is not limited by them, the account only much later.
            assertThat(own.console().accounts().rateLimited("192.0.2.1", "admin")).isFalse();
        }
    }
}
