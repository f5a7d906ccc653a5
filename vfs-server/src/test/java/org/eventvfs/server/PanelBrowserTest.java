package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eventvfs.testkit.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control panel in a real browser (headless Chromium through Selenium), against a server with
 * the admin port. Every page's screenshot is kept in {@code target/panel-screenshots}.
 */
@Timeout(180)
class PanelBrowserTest {
    @TempDir
    Path dir;

    @Test
    void aUserWhoIsNotAnAdminIsRefusedWithAClearMessage() throws Exception {
        int port = ServerProcess.freePort();
        try (TestServer server = TestServer.start(TestServer.config(dir.resolve("data"), Map.of(Protocol.ADMIN, port),
                Map.of()));
             Browser browser = Browser.open("https://127.0.0.1:" + port, dir)) {
            TestUsers.add(server.vfs(), "default", "bob", "bob's password", List.of(), false);

            browser.go("/panel/stats.html");
            browser.await("#login");
            assertThat(browser.url()).contains("/panel/login.html?next=%2Fpanel%2Fstats.html");
            browser.screenshot("login");
            browser.type("input[name=user]", "bob");
            browser.type("input[name=password]", "bob's password");
            browser.find("#login button").click();

            browser.awaitText("#status", "bob is not an administrator");
            assertThat(browser.url()).contains("/panel/login.html");
            browser.screenshot("login-refused");
        }
    }
}
