package org.eventvfs.sftp;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.digest.Digest;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.BufferException;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatExtensionInfo;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.extensions.openssh.AbstractOpenSSHExtensionParser.OpenSSHExtension;
import org.apache.sshd.sftp.common.extensions.openssh.HardLinkExtensionParser;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemConfigurator;
import org.eventvfs.domain.Names;
import org.eventvfs.domain.VfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SSHD's SFTP subsystem with what it lacks for OpenSSH's clients and for a store that never
 * overwrites: {@code statvfs}/{@code fstatvfs} (for {@code df}), {@code copy-data} through the file
 * channels' own transfer (which the vfs file system can do by sharing content blocks), hard links
 * no longer advertised (they are unsupported, and a client that asks anyway is told so), names
 * checked up front, and a malformed request answered with SSH_FX_BAD_MESSAGE instead of ending the
 * channel.
 */
class VfsSftpSubsystem extends SftpSubsystem {
    private static final Logger LOG = LoggerFactory.getLogger(VfsSftpSubsystem.class);
    /** length, type and request id: what a request must hold to be answerable at all. */
    private static final int HEADER_BYTES = Integer.BYTES + 1 + Integer.BYTES;
    /** The vfs file system's attribute holding a file's content digest, 32 bytes. */
    private static final String STORED_SHA256 = "vfs:sha256";

    VfsSftpSubsystem(ChannelSession channel, SftpSubsystemConfigurator configurator) {
        super(channel, configurator);
    }

    @Override
    protected void process(Buffer buffer) throws IOException {
        int start = buffer.rpos();
        int type = buffer.available() >= HEADER_BYTES ? buffer.rawByte(start + Integer.BYTES) & 0xff : -1;
        int id = buffer.available() >= HEADER_BYTES ? (int) buffer.rawUInt(start + Integer.BYTES + 1) : -1;
        try {
            super.process(buffer);
        } catch (BufferException e) {
            if (type < 0 || type == SftpConstants.SSH_FXP_INIT) {
                // No request id to answer: end the channel as OpenSSH's sftp-server does, by closing it
                // properly (SSHD's own handling would drop it without telling the client).
                LOG.warn("sftp: closing a channel of {} after an unanswerable packet: {}",
                        SessionAccount.address(getServerSession().getRemoteAddress()), e.getMessage());
                getServerChannelSession().close(false);
                return;
            }
            // SSHD parses a request whole before acting on it: a malformed one changed nothing.
            sendStatus(prepareReply(buffer), id, SftpConstants.SSH_FX_BAD_MESSAGE,
                    "malformed " + SftpConstants.getCommandMessageName(type) + " request: " + e.getMessage());
        }
    }

    /**
     * Checks every name by the core's rule before SSHD sees the path: SSHD probes a path before
     * making it and reports any failure of that probe as "permission denied", hiding the reason.
     */
    @Override
    protected Path resolveFile(String remotePath) throws IOException {
        for (String name : remotePath.split("/")) {
            if (!name.isEmpty() && !name.equals(".") && !name.equals("..")) {
                try {
                    Names.requireValid(name);
                } catch (VfsException.InvalidName e) {
                    throw new InvalidPathException(remotePath, e.getMessage());
                }
            }
        }
        return super.resolveFile(remotePath);
    }

    @Override
    protected void executeExtendedCommand(Buffer buffer, int id, String extension) throws IOException {
        if (extension.equals(StatVfs.STATVFS) || extension.equals(StatVfs.FSTATVFS)) {
            doStatVfs(buffer, id, extension);
        } else {
            super.executeExtendedCommand(buffer, id, extension);
        }
    }

    @Override
    protected List<OpenSSHExtension> resolveOpenSSHExtensions(ServerSession session) {
        List<OpenSSHExtension> extensions = new ArrayList<>(super.resolveOpenSSHExtensions(session));
        extensions.removeIf(extension -> extension.getName().equals(HardLinkExtensionParser.NAME));
        extensions.add(new OpenSSHExtension(StatVfs.STATVFS, "2"));
        extensions.add(new OpenSSHExtension(StatVfs.FSTATVFS, "2"));
        return extensions;
    }

    private void doStatVfs(Buffer buffer, int id, String extension) throws IOException {
        String target = buffer.getString();
        OpenSSHStatExtensionInfo info;
        try {
            Path path = extension.equals(StatVfs.STATVFS) ? resolveFile(target)
                    : validateHandle(target, handles.get(target), Handle.class).getFile();
            info = StatVfs.of(Files.getFileStore(path));
        } catch (IOException | RuntimeException e) {
            sendStatus(prepareReply(buffer), id, e, SftpConstants.SSH_FXP_EXTENDED, extension, target);
            return;
        }
        Buffer reply = prepareReply(buffer);
        reply.putByte((byte) SftpConstants.SSH_FXP_EXTENDED_REPLY);
        reply.putInt(id);
        info.encode(reply);
        send(reply);
    }

    /**
     * draft-ietf-secsh-filexfer-extensions-00 section 3 ({@code check-file}): a SHA-256 of a whole
     * file is the digest the volume stored when the content was committed ({@value #STORED_SHA256}),
     * so answering it reads nothing. Other digests and ranges are computed by reading, as SSHD does.
     */
    @Override
    protected void doCheckFileHash(int id, Path file, NamedFactory<? extends Digest> factory, long startOffset,
                                   long length, int blockSize, Buffer buffer) throws Exception {
        byte[] stored = factory == BuiltinDigests.sha256 && startOffset == 0 ? storedSha256(file) : null;
        long size = stored == null ? 0 : Files.size(file);
        if (stored == null || (length != 0 && length < size) || (blockSize != 0 && blockSize < size)) {
            super.doCheckFileHash(id, file, factory, startOffset, length, blockSize, buffer);
            return;
        }
        buffer.putString(factory.getName());
        buffer.putBytes(stored);
    }

    /** The digest the file system keeps for {@code file}, or null if it keeps none. */
    private static byte[] storedSha256(Path file) throws IOException {
        try {
            return Files.getAttribute(file, STORED_SHA256) instanceof byte[] digest ? digest : null;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * draft-ietf-secsh-filexfer-extensions-00 section 7, checked as SSHD checks it, but copied with
     * {@link FileChannel#transferTo} rather than through a buffer, so the file system can make the
     * copy share content instead of reading and writing every byte.
     */
    @Override
    protected void doCopyData(int id, String readHandle, long readOffset, long readLength, String writeHandle,
                              long writeOffset) throws IOException {
        FileHandle source = validateHandle(readHandle, handles.get(readHandle), FileHandle.class);
        FileHandle target = validateHandle(writeHandle, handles.get(writeHandle), FileHandle.class);
        if ((source.getAccessMask() & SftpConstants.ACE4_READ_DATA) == 0) {
            throw new AccessDeniedException(source.getFile().toString(), null, "source handle not opened for reading");
        }
        if ((target.getAccessMask() & SftpConstants.ACE4_WRITE_DATA) == 0) {
            throw new AccessDeniedException(target.getFile().toString(), null, "target handle not opened for writing");
        }
        if (readOffset < 0 || readLength < 0 || writeOffset < 0) {
            throw new IllegalArgumentException("copy-data offsets and length must not be negative");
        }
        SeekableByteChannel from = source.getFileChannel();
        long available = Math.max(0, from.size() - readOffset);
        long length = readLength == 0 ? available : Math.min(readLength, available);
        if (source == target && readOffset < writeOffset + length && writeOffset < readOffset + length) {
            throw new IllegalArgumentException("copy-data read range [" + readOffset + ", " + (readOffset + length)
                    + ") overlaps the write range [" + writeOffset + ", " + (writeOffset + length) + ")");
        }
        if (!(from instanceof FileChannel fromFile) || !(target.getFileChannel() instanceof FileChannel toFile)) {
            throw new UnsupportedOperationException("copy-data needs file channels");
        }
        toFile.position(writeOffset);
        long copied = 0;
        while (copied < length) {
            long n = fromFile.transferTo(readOffset + copied, length - copied, toFile);
            if (n <= 0) {
                throw new EOFException("the source ended " + (length - copied) + " bytes early");
            }
            copied += n;
        }
    }
}
