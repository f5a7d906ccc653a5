package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eventvfs.Volume;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.Actor;
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
    private static final Actor ALICE = new Actor("alice", "sftp", "127.0.0.1:50000", "sftp-1", "test");

    @TempDir
    Path dir;

    @Test
    void anAdminInvitesSomeoneWhoJoinsThenBrowsesAPastTreeAndDownloadsAnOldRevision() throws Exception {
        int port = ServerProcess.freePort();
        int webdav = ServerProcess.freePort();
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        try (TestServer server = TestServer.start(TestServer.config(dir.resolve("data"),
                Map.of(Protocol.ADMIN, port, Protocol.WEBDAV, webdav), Map.of()));
             Browser browser = Browser.open(origin(port), downloads);
             // Held to the end: carol's kept-alive WebDAV connection is the session the admin ends.
             HttpClient carolsClient = HttpClient.newHttpClient()) {
            TestUsers.add(server.vfs(), "default", "root", "root's password", List.of(), false);
            server.vfs().accounts().execute(new AccountCommand.SetAdmin("root", true), Actor.cli("test")).await();
            TestUsers.add(server.vfs(), "default", "alice", "alice's password", List.of(), false);
            Volume volume = server.vfs().volume("default").await();
            SmallHistory.commit(volume, "/home/alice/report.txt", "first draft", ALICE);
            long firstDraft = volume.position();
            SmallHistory.commit(volume, "/home/alice/report.txt", "the second, much longer draft", ALICE);

            logIn(browser, "root", "root's password");
            browser.awaitText("#users table", "alice");
            browser.type("#invite input[name=home]", "/team/carol");
            browser.control("#invite", "Create an invite").click();
            String link = browser.await("#invite-link").getAttribute("href");
            String code = browser.find("#invite-code").getText();
            assertThat(link).isEqualTo(origin(port) + "/join?code=" + code);
            browser.awaitText("#users table", "invited until");
            browser.screenshot("users");

            try (Browser invited = Browser.open(origin(port), downloads)) {
                invited.go(link.substring(origin(port).length()));
                assertThat(invited.await("#code").getAttribute("value")).isEqualTo(code);
                invited.screenshot("join");
                invited.type("#password", "carol's own secret");
                invited.type("#again", "carol's own secret");
                invited.control("#join", "Join").click();
                assertThat(invited.awaitText("#user", "carol").getText()).isEqualTo("carol");
                assertThat(invited.find("#how").getText()).contains("http://127.0.0.1:" + webdav + "/");
                invited.screenshot("join-done");
            }
            HttpResponse<String> carol = carolsClient.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + webdav + "/")).header("Authorization", "Basic "
                            + Base64.getEncoder().encodeToString("carol:carol's own secret".getBytes(UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(carol.statusCode()).as("carol over WebDAV: " + carol.body()).isEqualTo(200);

            browser.go("/panel/files.html");
            browser.awaitText("#tree table", "home/");
            browser.type("#path", "/home/alice");
            browser.control("#where", "Show").click();
            browser.awaitText("#tree table", "report.txt");
            assertThat(browser.find("#tree table").getText()).contains("29 bytes");
            browser.control("#tree", "History").click();
            browser.awaitText("#history table", "ContentCommitted");
            browser.screenshot("files-history");

            browser.control("#history tbody tr:nth-child(2)", "Show the folder then").click();
            browser.awaitText("#tree caption", "as of @" + firstDraft);
            assertThat(browser.find("#tree table").getText()).contains("11 bytes").doesNotContain("29 bytes");
            browser.screenshot("files-past");
            browser.control("#tree", "Download").click();
            Path saved = downloads.resolve("report.txt");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(saved) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(saved).hasContent("first draft");

            browser.go("/panel/audit.html");
            browser.awaitText("#entries table", "ContentCommitted");
            browser.screenshot("audit");
            browser.choose("#volume", "@accounts");
            browser.control("#filters", "Show").click();
            String accounts = browser.awaitText("#entries table", "InviteRedeemed").getText();
            assertThat(accounts).containsPattern("root admin \\S+ UserInvited")
                    .containsPattern(AdminGate.JOINING + " admin \\S+ InviteRedeemed");
            browser.screenshot("audit-accounts");
            browser.go("/panel/stats.html");
            browser.awaitText("#streams table", "default");
            browser.screenshot("stats");
            browser.go("/panel/sessions.html");
            String sessions = browser.awaitText("#sessions table", "carol").getText();
            assertThat(sessions).containsPattern("admin-\\d+ admin root 127.0.0.1:");
            browser.screenshot("sessions");
            browser.xpath("//div[@id='sessions']//tr[td[3]='carol']//button").click();
            browser.confirm();
            browser.awaitText("#status", "Ended session webdav-");
            assertThat(browser.find("#sessions").getText()).doesNotContain("carol");

        }
    }

    private static String origin(int port) {
        return "https://127.0.0.1:" + port;
    }

    private static void logIn(Browser browser, String user, String password) {
        browser.go("/panel/");
        browser.await("#login");
        browser.type("input[name=user]", user);
        browser.type("input[name=password]", password);
        browser.find("#login button").click();
        browser.awaitText("#who", user);
    }

    @Test
    void aUserWhoIsNotAnAdminIsRefusedWithAClearMessage() throws Exception {
        int port = ServerProcess.freePort();
        try (TestServer server = TestServer.start(TestServer.config(dir.resolve("data"), Map.of(Protocol.ADMIN, port),
                Map.of()));
             Browser browser = Browser.open(origin(port), dir)) {
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
