package io.diffyne.demo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import java.time.Instant;

/** A stored chat message (table {@code DIFFYNE_CHAT_MESSAGE}); the component sees {@link ChatMessage}. */
@Entity
@Table(name = "DIFFYNE_CHAT_MESSAGE", indexes = @Index(name = "DIFFYNE_CHAT_ROOM_TIME", columnList = "ROOM, SENT_AT"))
@NamedQuery(name = ChatMessageRow.LATEST,
        query = "SELECT m FROM ChatMessageRow m WHERE m.room = :room ORDER BY m.sentAt DESC, m.id DESC")
public class ChatMessageRow {

    static final String LATEST = "ChatMessageRow.latest";

    // a table generator works on every database; identity columns do not (EclipseLink's H2 dialect writes
    // "BIGINT IDENTITY", which the H2 2.x behind Payara's default datasource rejects)
    @Id
    @TableGenerator(name = "DIFFYNE_CHAT_IDS", table = "DIFFYNE_ID", pkColumnName = "NAME", valueColumnName = "NEXT_ID",
            pkColumnValue = "CHAT_MESSAGE", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "DIFFYNE_CHAT_IDS")
    @Column(name = "ID")
    private Long id;

    @Column(name = "ROOM", nullable = false, length = 32)
    private String room;

    @Column(name = "AUTHOR", nullable = false, length = 40)
    private String author;

    @Column(name = "BODY", nullable = false, length = 500)
    private String text;

    /** Epoch milliseconds: portable across databases, unlike time-zone-aware column types. */
    @Column(name = "SENT_AT", nullable = false)
    private long sentAt;

    protected ChatMessageRow() {
        // for JPA
    }

    ChatMessageRow(String room, String author, String text, Instant sentAt) {
        this.room = room;
        this.author = author;
        this.text = text;
        this.sentAt = sentAt.toEpochMilli();
    }

    ChatMessage toMessage() {
        return ChatMessage.of(id, author, text, Instant.ofEpochMilli(sentAt));
    }
}
