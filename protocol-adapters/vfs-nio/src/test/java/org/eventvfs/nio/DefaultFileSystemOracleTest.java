package org.eventvfs.nio;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the machine's own file system: proof that the suite asks only what real ones do. */
class DefaultFileSystemOracleTest extends FileSystemContractTest {
    @TempDir
    Path root;

    @Override
    protected Path root() {
        return root;
    }
}
