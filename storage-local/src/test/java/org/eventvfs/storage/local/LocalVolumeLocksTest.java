package org.eventvfs.storage.local;

import org.eventvfs.testkit.StoreFixture;
import org.eventvfs.testkit.VolumeLocksContractTest;

class LocalVolumeLocksTest extends VolumeLocksContractTest {
    @Override
    protected StoreFixture fixture() {
        return new LocalStoreFixture();
    }
}
