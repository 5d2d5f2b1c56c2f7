"""Word to AKN: read .docx drafts as word processors write them."""
