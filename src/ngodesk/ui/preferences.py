"""Edit > Preferences: the name the history records with your changes and
the interface language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ngodesk.ui import i18n, settings


class PreferencesDialog(QDialog):
    """The user's preferences; stored when accepted (``save``)."""

    def __init__(self, default_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(460)
        self.name = QLineEdit(settings.get(settings.AUTHOR))
        self.name.setPlaceholderText(default_name or self.tr("your name"))
        note = QLabel(
            self.tr("Recorded in each story's history with the changes you make (empty: {name}).").format(
                name=default_name or self.tr("your login name")
            )
        )
        note.setWordWrap(True)
        self.language = QComboBox()
        system = i18n.LANGUAGES[i18n.wanted("")]
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name or self.tr("The system's ({language})").format(language=system), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(settings.LANGUAGE))))
        language_note = QLabel(self.tr("A new language applies when ngodesk next starts."))
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name)
        form.addRow("", note)
        form.addRow(self.tr("Interface &language:"), self.language)
        form.addRow("", language_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Store what the form says."""
        settings.put(settings.AUTHOR, " ".join(self.name.text().split()))
        settings.put(settings.LANGUAGE, str(self.language.currentData()))
