package dev.handoff.views.inspector;

import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.Editors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inspector: a ControlsFX {@link PropertySheet} over the {@link InspectorViewModel}'s fields, and below it the
 * interface observation editor when one agent is selected. While the same fields are shown the items and editors are
 * kept (focus and open sections survive; each keystroke becomes part of one undoable edit) and values changed elsewhere
 * (undo, open) are pushed into the editors; another selection rebuilds the sheet.
 */
public final class InspectorView extends VBox {
    private final InspectorViewModel vm;
    private final PropertySheet sheet = new PropertySheet();
    private final Map<String, FieldItem> items = new LinkedHashMap<>();
    private boolean editingFromSheet;

    public InspectorView(InspectorViewModel vm, InterfaceEditorViewModel interfaceVm) {
        this.vm = vm;
        getStyleClass().add("inspector");
        setId("inspector");
        Label heading = new Label();
        heading.getStyleClass().add("inspector-heading");
        heading.textProperty().bind(vm.headingProperty());
        heading.setMaxWidth(Double.MAX_VALUE);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setCategoryComparator((a, b) -> Integer.compare(categoryRank(a), categoryRank(b)));
        sheet.setPropertyEditorFactory(new DefaultPropertyEditorFactory() {
            @Override
            public org.controlsfx.property.editor.PropertyEditor<?> call(PropertySheet.Item item) {
                org.controlsfx.property.editor.PropertyEditor<?> editor = item instanceof FieldItem f && !f.field().choices().isEmpty()
                        ? Editors.createChoiceEditor(item, f.field().choices()) : super.call(item);
                if (item instanceof FieldItem f) {
                    f.editor = editor;
                }
                return editor;
            }
        });
        InterfaceEditorView interfaceEditor = new InterfaceEditorView(interfaceVm);
        interfaceEditor.visibleProperty().bind(interfaceVm.activeProperty());
        interfaceEditor.managedProperty().bind(interfaceVm.activeProperty());
        Label many = new Label("Several items are selected. Select one agent or handoff to edit it, or click the empty canvas "
                + "to edit the workflow's environment and training settings.");
        many.setWrapText(true);
        many.getStyleClass().add("muted");
        many.setPadding(new javafx.geometry.Insets(8, 12, 8, 12));
        many.visibleProperty().bind(vm.subjectProperty().isEqualTo(InspectorViewModel.Subject.MANY));
        many.managedProperty().bind(many.visibleProperty());
        VBox content = new VBox(interfaceEditor, sheet, many);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(heading, scroll);
        vm.fields().addListener((ListChangeListener<InspectorField>) c -> sync());
        sync();
    }

    /** Categories in the order the view-model lists them (Workflow before Environment before Training). */
    private int categoryRank(String category) {
        List<InspectorField> fields = vm.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).category().equals(category)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    public PropertySheet sheet() {
        return sheet;
    }

    private void sync() {
        List<InspectorField> fields = vm.fields();
        List<String> keys = fields.stream().map(InspectorField::key).toList();
        boolean sameShape = keys.equals(new ArrayList<>(items.keySet()))
                && fields.stream().allMatch(f -> items.get(f.key()).field().choices().equals(f.choices()));
        if (sameShape) {
            for (InspectorField f : fields) {
                items.get(f.key()).refresh(f, !editingFromSheet);
            }
            return;
        }
        items.clear();
        for (InspectorField f : fields) {
            items.put(f.key(), new FieldItem(f));
        }
        sheet.getItems().setAll(items.values());
    }

    /** Adapts one view-model field to ControlsFX: reading from the field, writing through the view-model. */
    private final class FieldItem implements PropertySheet.Item {
        private final SimpleObjectProperty<Object> value = new SimpleObjectProperty<>();
        private InspectorField field;
        /** The editor ControlsFX made for this item; the sheet sets its value once, so later changes are pushed here. */
        private org.controlsfx.property.editor.PropertyEditor<?> editor;

        FieldItem(InspectorField field) {
            this.field = field;
            value.set(field.value());
        }

        InspectorField field() {
            return field;
        }

        @SuppressWarnings("unchecked")
        void refresh(InspectorField f, boolean pushToEditor) {
            field = f;
            if (!java.util.Objects.equals(value.get(), f.value())) {
                value.set(f.value());
                if (pushToEditor && editor != null) {
                    ((org.controlsfx.property.editor.PropertyEditor<Object>) editor).setValue(f.value());
                }
            }
        }

        @Override
        public Class<?> getType() {
            return field.type();
        }

        @Override
        public String getCategory() {
            return field.category();
        }

        @Override
        public String getName() {
            return field.name();
        }

        @Override
        public String getDescription() {
            return field.description();
        }

        @Override
        public Object getValue() {
            return value.get();
        }

        @Override
        public void setValue(Object v) {
            if (v == null || v.equals(value.get())) {
                return;
            }
            editingFromSheet = true;
            try {
                vm.set(field.key(), v);
            } finally {
                editingFromSheet = false;
            }
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.of(value);
        }

        @Override
        public boolean isEditable() {
            return field.editable();
        }
    }
}
