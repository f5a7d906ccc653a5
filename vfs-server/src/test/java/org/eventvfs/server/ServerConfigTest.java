package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("vfs.yaml"), text);
    }

    private static ConfigLayer flags(String data, String bind, Map<Protocol, Integer> ports) {
        return new ConfigLayer(data == null ? null : Path.of(data), null, null, bind, ports, Map.of());
    }

    @Test
    void withNothingConfiguredTheEmbeddedDefaultsApply() {
        ServerConfig config = ServerConfig.withDefaults(ConfigLayer.EMPTY);

        assertThat(config.data()).isEqualTo(Path.of("./vfs-data"));
        Path absolute = Path.of("vfs-data").toAbsolutePath().normalize();
        assertThat(config.events()).isEqualTo(URI.create("file:" + absolute.resolve("events")));
        assertThat(config.blobs()).isEqualTo(URI.create("file:" + absolute.resolve("blobs")));
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.ports()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Protocol.SFTP, 2222, Protocol.WEBDAV, 8080, Protocol.FTP, 2121, Protocol.HTTP, 0,
                Protocol.METRICS, 0, Protocol.ADMIN, 0));
    }

    @Test
    void theEnvironmentOverridesTheFileAndFlagsOverrideBoth() throws IOException {
        Path file = yaml("""
                data: /from/yaml
                bind: 10.0.0.1
                events: file:/yaml/events
                sftp:
                  port: 1001
                webdav:
                  port: 1002
                ftp:
                  port: 1003
                """);
        Map<String, String> environment = Map.of(
                "VFS_BIND", "10.0.0.2",
                "VFS_WEBDAV_PORT", "2002",
                "VFS_FTP_PORT", "2003",
                "VFS_BLOBS", "file:/env/blobs");

        ServerConfig config = ServerConfig.load(file, environment, flags("/from/flag", null,
                Map.of(Protocol.FTP, 3003)));

        assertThat(config.data()).isEqualTo(Path.of("/from/flag"));
        assertThat(config.events()).isEqualTo(URI.create("file:/yaml/events"));
        assertThat(config.blobs()).isEqualTo(URI.create("file:/env/blobs"));
        assertThat(config.bind()).isEqualTo("10.0.0.2");
        assertThat(config.port(Protocol.SFTP)).isEqualTo(1001);
        assertThat(config.port(Protocol.WEBDAV)).isEqualTo(2002);
        assertThat(config.port(Protocol.FTP)).isEqualTo(3003);
        assertThat(config.port(Protocol.HTTP)).isZero();
    }

    @Test
    void storesDefaultToFoldersInsideTheDataFolderInForce() {
        ServerConfig config = ServerConfig.load(null, Map.of("VFS_DATA", dir.toString()), ConfigLayer.EMPTY);

        assertThat(config.events()).isEqualTo(URI.create("file:" + dir.resolve("events")));
        assertThat(config.blobs()).isEqualTo(URI.create("file:" + dir.resolve("blobs")));
        assertThat(config.adminSocket()).isEqualTo(dir.resolve("admin.sock"));
    }

    @Test
    void theConfigFileCanBeNamedByTheEnvironment() throws IOException {
        Path file = yaml("bind: 0.0.0.0\n");

        ServerConfig config = ServerConfig.load(null, Map.of("VFS_CONFIG", file.toString()), ConfigLayer.EMPTY);

        assertThat(config.bind()).isEqualTo("0.0.0.0");
    }

    @Test
    void aProtocolSectionIsHandedToItsAdapterWithoutThePort() throws IOException {
        Path file = yaml("""
                sftp:
                  port: 2200
                  host-key: keys/host_ed25519
                  max-sessions: 10
                """);

        ServerConfig config = ServerConfig.load(file, Map.of(), ConfigLayer.EMPTY);

        assertThat(config.port(Protocol.SFTP)).isEqualTo(2200);
        assertThat(config.settings(Protocol.SFTP)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "host-key", "keys/host_ed25519", "max-sessions", 10));
        assertThat(config.settings(Protocol.WEBDAV)).isEmpty();
    }

    @Test
    void theAdminPortIsConfiguredLikeTheOtherPortsWithItsCertificateInItsSection() throws IOException {
        Path file = yaml("""
                admin:
                  port: 9443
                  certificate: /etc/vfs/admin.crt
                  privateKey: /etc/vfs/admin.key
                """);

        ServerConfig config = ServerConfig.load(file, Map.of(), ConfigLayer.EMPTY);

        assertThat(config.port(Protocol.ADMIN)).isEqualTo(9443);
        assertThat(AdminSettings.parse(config.settings(Protocol.ADMIN))).isEqualTo(new AdminSettings(
                "/etc/vfs/admin.crt", "/etc/vfs/admin.key", 5, 20, java.time.Duration.ofMinutes(15)));
        assertThat(ServerConfig.load(file, Map.of("VFS_ADMIN_PORT", "9444"), ConfigLayer.EMPTY).port(Protocol.ADMIN))
                .isEqualTo(9444);
        assertThat(ServerConfig.load(file, Map.of("VFS_ADMIN_PORT", "9444"), flags(null, null,
                Map.of(Protocol.ADMIN, 9445))).port(Protocol.ADMIN)).isEqualTo(9445);
        assertThatThrownBy(() -> AdminSettings.parse(Map.of("certificate", "/etc/vfs/admin.crt")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("admin.certificate and admin.privateKey go together: give both or neither");
    }

    @Test
    void theHistoryFolderIsNamedOnceForEveryProtocolAndCanBeTurnedOff() throws IOException {
        assertThat(ServerConfig.withDefaults(ConfigLayer.EMPTY).historyFolder()).isEqualTo(".history");
        Path file = yaml("history:\n  folder: .snapshots\n");
        assertThat(ServerConfig.load(file, Map.of(), ConfigLayer.EMPTY).historyFolder()).isEqualTo(".snapshots");
        assertThat(ServerConfig.load(file, Map.of("VFS_HISTORY_FOLDER", ""), ConfigLayer.EMPTY).historyFolder())
                .as("set but empty: off").isEmpty();

        Path bad = yaml("history:\n  folder: a/b\n");
        assertThatThrownBy(() -> ServerConfig.load(bad, Map.of(), ConfigLayer.EMPTY))
                .isInstanceOf(ConfigException.class).hasMessageContaining("history.folder: 'a/b' is not a folder name");
    }

    @Test
    void theLogLevelComesFromTheFileUnlessTheVariableSaysOtherwise() throws IOException {
        assertThat(ServerConfig.withDefaults(ConfigLayer.EMPTY).logLevel()).isEqualTo("INFO");
        Path file = yaml("log:\n  level: debug\n");
        assertThat(ServerConfig.load(file, Map.of(), ConfigLayer.EMPTY).logLevel()).isEqualTo("DEBUG");
        assertThat(ServerConfig.load(file, Map.of("VFS_LOG_LEVEL", "WARN"), ConfigLayer.EMPTY).logLevel())
                .isEqualTo("WARN");

        Path bad = yaml("log:\n  level: loud\n");
        assertThatThrownBy(() -> ServerConfig.load(bad, Map.of(), ConfigLayer.EMPTY))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("log.level: 'loud' is not a log level; the levels are TRACE, DEBUG, INFO");
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("VFS_LOG_LEVEL", "loud"), ConfigLayer.EMPTY))
                .isInstanceOf(ConfigException.class).hasMessageContaining("VFS_LOG_LEVEL: 'loud'");
    }

    @Test
    void anEmptyFileConfiguresNothing() throws IOException {
        Path file = yaml("# nothing yet\n");

        assertThat(ServerConfig.load(file, Map.of(), ConfigLayer.EMPTY))
                .isEqualTo(ServerConfig.withDefaults(ConfigLayer.EMPTY));
    }

    @Test
    void anUnknownKeyIsNamed() throws IOException {
        Path file = yaml("data: /srv\nsftpport: 22\n");

        assertThatThrownBy(() -> ServerConfig.load(file, Map.of(), ConfigLayer.EMPTY))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": unknown key 'sftpport'; the known keys are "
                        + "data, events, blobs, bind, retention, history, log, sftp, webdav, ftp, http, metrics, admin");
    }

    @Test
    void aBadPortIsNamedWhereverItCameFrom() throws IOException {
        Path file = yaml("sftp:\n  port: twenty-two\n");

        assertThatThrownBy(() -> ServerConfig.load(file, Map.of(), ConfigLayer.EMPTY))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": sftp.port: 'twenty-two' is not a port number");
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("VFS_WEBDAV_PORT", "70000"), ConfigLayer.EMPTY))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("VFS_WEBDAV_PORT: 70000 is not a port number");
    }

    @Test
    void aBadValueShapeIsNamed() throws IOException {
        Path file = yaml("bind:\n  - 127.0.0.1\n");

        assertThatThrownBy(() -> ServerConfig.load(file, Map.of(), ConfigLayer.EMPTY))
                .hasMessage(file + ": bind: expected a single value");
    }

    @Test
    void aStoreUriNeedsAScheme() {
        assertThatThrownBy(() -> ServerConfig.load(null, Map.of("VFS_EVENTS", "/srv/events"), ConfigLayer.EMPTY))
                .hasMessageStartingWith("VFS_EVENTS: '/srv/events' has no scheme");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() throws IOException {
        Path file = yaml("data: /srv\nsftp: [unclosed\n");

        assertThatThrownBy(() -> ServerConfig.load(file, Map.of(), ConfigLayer.EMPTY))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws IOException {
        Path file = yaml("bind: 127.0.0.1\nbind: 0.0.0.0\n");

        assertThatThrownBy(() -> ServerConfig.load(file, Map.of(), ConfigLayer.EMPTY))
                .hasMessageContaining("bind");
    }

    @Test
    void aMissingConfigFileIsAnError() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> ServerConfig.load(missing, Map.of(), ConfigLayer.EMPTY))
                .hasMessage(missing + ": no such configuration file");
    }
}
