package org.seed.sip.store.event;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import org.seed.sip.common.event.Subscriber;
import org.seed.sip.common.event.SubscriptionDialog;
import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.reach.Origin;

/** A row of {@code event_subscriptions}: one {@link SubscriptionRecord}, flattened. */
@Entity
@Table(name = "event_subscriptions", indexes = @Index(name = "ix_event_subscriptions_package",
        columnList = "event_package"))
public class EventSubscription {

    private static final String ROUTE_SEPARATOR = "\n";

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "event_package", nullable = false, length = 64)
    private String eventPackage;

    @Column(name = "resource", nullable = false, length = 512)
    private String resource;

    @Column(name = "event_header", nullable = false, length = 255)
    private String eventHeader;

    @Column(name = "call_id", nullable = false, length = 512)
    private String callId;

    @Column(name = "local_tag", nullable = false, length = 255)
    private String localTag;

    @Column(name = "remote_tag", nullable = false, length = 255)
    private String remoteTag;

    @Column(name = "local_uri", nullable = false, length = 1024)
    private String localUri;

    @Column(name = "remote_uri", nullable = false, length = 1024)
    private String remoteUri;

    @Column(name = "remote_target", nullable = false, length = 1024)
    private String remoteTarget;

    @Column(name = "route_set", length = 4000)
    private String routeSet;

    @Column(name = "local_cseq", nullable = false)
    private long localCseq;

    @Column(name = "next_version", nullable = false)
    private long nextVersion;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "subscriber", nullable = false, length = 128)
    private String subscriber;

    @Column(name = "subscriber_domain", nullable = false, length = 255)
    private String subscriberDomain;

    @Column(name = "subscriber_admin", nullable = false)
    private boolean subscriberAdmin;

    @Column(name = "transport", nullable = false, length = 16)
    private String transport;

    @Column(name = "source_address", nullable = false, length = 255)
    private String sourceAddress;

    @Column(name = "source_port", nullable = false)
    private int sourcePort;

    @Column(name = "pending", nullable = false)
    private boolean pending;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA. */
    protected EventSubscription() {
    }

    EventSubscription(SubscriptionRecord record, Instant now) {
        this.id = record.id();
        copyFrom(record, now);
    }

    final void copyFrom(SubscriptionRecord record, Instant now) {
        eventPackage = record.eventPackage();
        resource = record.resource();
        eventHeader = record.event();
        SubscriptionDialog dialog = record.dialog();
        callId = dialog.callId();
        localTag = dialog.localTag();
        remoteTag = dialog.remoteTag();
        localUri = dialog.localUri();
        remoteUri = dialog.remoteUri();
        remoteTarget = dialog.remoteTarget();
        routeSet = dialog.routeSet().isEmpty() ? null : String.join(ROUTE_SEPARATOR, dialog.routeSet());
        localCseq = record.localCseq();
        nextVersion = record.nextVersion();
        expiresAt = record.expiresAt();
        subscriber = record.subscriber().username();
        subscriberDomain = record.subscriber().domain();
        subscriberAdmin = record.subscriber().admin();
        transport = record.source().transport();
        sourceAddress = record.source().address();
        sourcePort = record.source().port();
        pending = record.pending();
        updatedAt = now;
    }

    SubscriptionRecord toRecord() {
        List<String> routes = routeSet == null ? List.of() : Arrays.asList(routeSet.split(ROUTE_SEPARATOR));
        return new SubscriptionRecord(id, eventPackage, resource, eventHeader,
                new SubscriptionDialog(callId, localTag, remoteTag, localUri, remoteUri, remoteTarget, routes),
                new Subscriber(subscriber, subscriberDomain, subscriberAdmin),
                new Origin(sourceAddress, sourcePort, transport), expiresAt, nextVersion,
                localCseq, pending);
    }
}
