package org.eventvfs.storage.local;

import org.eventvfs.testkit.StoreFixture;
import org.eventvfs.testkit.VolumeContractTest;

class LocalVolumeTest extends VolumeContractTest {
    @Override
    protected StoreFixture fixture() {
        return new LocalStoreFixture();
    }
}
