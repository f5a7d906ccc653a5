package org.eventvfs.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eventvfs.Volume;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand.CreateDirectory;
import org.eventvfs.domain.VolumeCommand.CreateFile;
import org.eventvfs.domain.VolumeCommand.Remove;
import org.eventvfs.testkit.PostgresDatabases;
import org.junit.jupiter.api.Test;

/** The example queries of the README run, and answer what they say they answer. */
class ReadmeQueriesTest extends SharedDatabaseTest {
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmesQueriesAnswerOnARealVolume() throws IOException, SQLException {
        URI database = PostgresDatabases.create();
        Volume volume = servers(database).open("server").volume("default").await();
        Actor alice = new Actor("alice", "sftp", "192.0.2.7", "s-1", null);
        volume.execute(new CreateDirectory(VfsPath.parse("/projects"), 0755), alice).await();
        volume.execute(new CreateFile(VfsPath.parse("/projects/report.pdf"), 0644, Overwrite.NEVER), alice).await();
        volume.execute(new CreateFile(VfsPath.parse("/notes.txt"), 0644, Overwrite.NEVER), alice).await();
        volume.execute(new Remove(VfsPath.parse("/projects/report.pdf"), RemoveMode.NON_DIRECTORY_ONLY), alice).await();

        List<String> queries = queries(Files.readString(Path.of("..", "README.md")));
        assertThat(queries).hasSize(4);
        try (Connection c = PostgresDatabases.connect(database)) {
            assertThat(rows(c, queries.get(0))).containsExactly("/notes.txt");
            assertThat(rows(c, queries.get(1))).containsExactly("2", "4");
            assertThat(rows(c, queries.get(2))).singleElement().asString().contains("alice");
            assertThat(rows(c, queries.get(3))).isEmpty();
        }
    }

    private static List<String> queries(String readme) {
        List<String> queries = new ArrayList<>();
        Matcher m = SQL_BLOCK.matcher(readme);
        while (m.find()) {
            queries.add(m.group(1));
        }
        return queries;
    }

    /** The first column of every row, or the whole row for the audit query. */
    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                StringBuilder row = new StringBuilder(r.getString(1));
                for (int i = 2; i <= r.getMetaData().getColumnCount(); i++) {
                    row.append(' ').append(r.getString(i));
                }
                rows.add(r.getMetaData().getColumnCount() == 5 && sql.contains("NodeRemoved") ? row.toString()
                        : r.getString(1));
            }
        }
        return rows;
    }
}
