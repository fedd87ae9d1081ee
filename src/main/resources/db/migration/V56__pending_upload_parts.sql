-- A held upload's files in parts of at most 1 MB of Base64 each (768 KB of the file), written and
-- read one part at a time: a held upload of the largest allowed size never sits in memory whole.
-- pending_upload_file keeps each file's name and order; its content column is left empty ('').
CREATE TABLE pending_upload_part (
    upload_id  BIGINT  NOT NULL REFERENCES pending_upload (id) ON DELETE CASCADE,
    position   INT     NOT NULL,   -- the file's position in pending_upload_file
    part       INT     NOT NULL,   -- 0, 1, 2 … in the file's order
    content    TEXT    NOT NULL,   -- the part's bytes in Base64
    PRIMARY KEY (upload_id, position, part)
);
